/**
 * Race support for checks: evidence that code is wrong under concurrency.
 *
 * <ul>
 *   <li>{@link fearless.grader.check.race.Stress}: many threads released together, repeated on
 *       fresh objects, every wait bounded; a hang fails with a {@link fearless.grader.check.race.ThreadDump}.
 *       It catches what the model checker cannot see, such as lost wake-ups.</li>
 *   <li>{@link fearless.grader.check.race.Bounded}: one piece of a check that might block, run on
 *       its own thread with a timeout and a thread dump.</li>
 *   <li>{@link fearless.grader.check.race.Patience}: how both decide that threads past their time
 *       are stuck rather than slow, on evidence, with bounds stretched for a busy machine.</li>
 *   <li>{@link fearless.grader.check.race.ThreadLeaks}: threads a piece of a check started that
 *       are still running after it (a scope that returned early), reported with a thread dump.</li>
 *   <li>{@link fearless.grader.check.race.ExclusionDetector}: notices two threads inside a region
 *       that must be exclusive.</li>
 *   <li>{@link fearless.grader.check.race.ModelCheck}: Lincheck's model checker on small fixed
 *       scenarios, with its failure trimmed to the scenario and the interleaving. It treats
 *       {@code notify} as {@code notifyAll}, so lost wake-ups are the stress harness's job.</li>
 *   <li>{@link fearless.grader.check.race.RaceCanary}: once per JVM, proof that the model checker
 *       catches a known race here; otherwise every model check is a
 *       {@link fearless.grader.check.GraderError}, never a pass.</li>
 * </ul>
 */
package fearless.grader.check.race;
