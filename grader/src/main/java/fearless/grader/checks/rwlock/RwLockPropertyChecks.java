package fearless.grader.checks.rwlock;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.property.StatefulProperty;
import fearless.grader.check.race.Bounded;
import java.time.Duration;

/**
 * The rw-lock on one thread, against a model (which guard is held, poisoned, value): random
 * sequences of read, write, tryRead, tryWrite, close (once and twice), get/set, use of a closed
 * guard, withRead and withWrite that return or throw (an exception or an Error), clearPoison and
 * isPoisoned must give the outcomes the model predicts. The first disagreement is minimized and
 * shown as numbered steps with the seed.
 */
@Exercise("rw-lock")
class RwLockPropertyChecks {

    @Graded(points = 3, category = Category.PROPERTY, rules = {"R1", "X5"})
    void single_thread_model() {
        Bounded.run("a single-threaded sequence of rw-lock operations blocked: with no other thread holding the "
                + "lock, no call may wait (R1)",
                Duration.ofSeconds(3),
                () -> StatefulProperty.of("rw-lock", () -> new RwLockModel.Real(RwLocks.fresh(0)), RwLockModel::new,
                                RwLockOps.sequences())
                        .cleanup(RwLockModel.Real::closeOpenGuard)
                        .examples(200)
                        .check("rw-lock/single_thread_model"));
    }
}
