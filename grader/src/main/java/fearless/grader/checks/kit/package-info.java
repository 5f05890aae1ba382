/**
 * The kit's own working primitives, for exercises that build on an earlier one: a submission's
 * thread-move or parallel computation runs on {@link fearless.grader.checks.kit.KitThreads} and
 * {@link fearless.grader.checks.kit.KitBoxes}, its pipeline on
 * {@link fearless.grader.checks.kit.KitChannels}, and its bounded buffer on
 * {@link fearless.grader.checks.kit.KitMutexes} and {@link fearless.grader.checks.kit.KitCondvars}
 * (a condvar that also wakes spuriously and notifies adversarially, when a check asks), never on
 * its own {@code spawn}, {@code box}, {@code channel}, mutex or condvar, so one broken exercise
 * costs only its own points. Each primitive also reports
 * what it saw (which thread ran what, what was dropped where, which end was left open), which the
 * submission's own code could not be trusted to say.
 */
package fearless.grader.checks.kit;
