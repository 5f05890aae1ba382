/**
 * Structure support for checks: ArchUnit rules on the submission's compiled classes.
 *
 * <ul>
 *   <li>{@link fearless.grader.check.structure.SubmissionClasses}: the classes of one exercise's
 *       package, imported from the directory the engine names.</li>
 *   <li>{@link fearless.grader.check.structure.StructureRules}: shared rules (no JDK locks, queues
 *       or synchronizers, no {@code Thread.sleep}, private state fields).</li>
 *   <li>{@link fearless.grader.check.structure.RuleCheck}: evaluates a rule and turns violations
 *       into feedback naming the file and line, and the lesson to read.</li>
 * </ul>
 */
package fearless.grader.check.structure;
