/**
 * Property support for checks: stateful model tests on top of QuickTheories, with feedback a
 * student can act on.
 *
 * <ul>
 *   <li>{@link fearless.grader.check.property.Op}: one step, applied to the system under test and
 *       to a simple model, and described as a line of Java.</li>
 *   <li>{@link fearless.grader.check.property.Outcome}: what a step visibly did (a value, an
 *       ownership error and its code, another exception), and the rule that expects it.</li>
 *   <li>{@link fearless.grader.check.property.Invariant}: what must read the same on system and
 *       model after every step.</li>
 *   <li>{@link fearless.grader.check.property.StatefulProperty}: generates sequences, compares,
 *       and reports the first disagreement as numbered steps with the rule and the seed.</li>
 *   <li>{@link fearless.grader.check.property.Minimizer}: delta debugging of a failing sequence,
 *       since QuickTheories' own list shrinking leaves far too many steps.</li>
 * </ul>
 */
package fearless.grader.check.property;
