package fearless.grader.checks.mutex;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.property.StatefulProperty;
import fearless.grader.check.race.Bounded;
import java.time.Duration;

/**
 * The mutex on one thread, against a model (locked, poisoned, value): random sequences of lock,
 * tryLock, close, get/set, use of a closed guard, withLock that sets or throws, clearPoison and
 * isPoisoned must give the outcomes the model predicts. The first disagreement is minimized and
 * shown as numbered steps with the seed.
 */
@Exercise("mutex")
class MutexPropertyChecks {

    @Graded(points = 3, category = Category.PROPERTY, rules = {"X1", "X3", "X4", "X5", "X7"})
    void single_thread_model() {
        Bounded.run("a single-threaded sequence of mutex operations blocked: on one thread no call may wait "
                + "(tryLock never blocks (X3); locking again on the holding thread must panic (X7))",
                Duration.ofSeconds(3),
                () -> StatefulProperty.of("mutex", () -> new MutexModel.Real(Mutexes.fresh(0)), MutexModel::new,
                                MutexOps.sequences())
                        .cleanup(MutexModel.Real::closeOpenGuard)
                        .examples(200)
                        .check("mutex/single_thread_model"));
    }
}
