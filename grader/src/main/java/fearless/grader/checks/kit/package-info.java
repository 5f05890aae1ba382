/**
 * The kit's own working primitives, for exercises that build on an earlier one: a submission's
 * thread-move or parallel computation runs on {@link fearless.grader.checks.kit.KitThreads} and
 * {@link fearless.grader.checks.kit.KitBoxes}, never on its own {@code spawn} or {@code box}, so
 * one broken exercise costs only its own points. Each primitive also reports what it saw (which
 * thread ran what, what was dropped where), which the submission's own code could not be
 * trusted to say.
 */
package fearless.grader.checks.kit;
