package fearless.grader.checks.mutex;

import fearless.api.Result;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.MutexProvider;
import fearless.api.mutex.PoisonError;
import fearless.grader.check.Submission;

/**
 * A failing holder and the next one, as the model checker drives them. Sequentially the next
 * holder sees either nothing of the failure ("0 clean") or all of it ("1 poisoned"); seeing the
 * failed body's write without the poison ("1 clean") means the lock was released before the
 * poison was set (X4), so a thread got in between.
 */
public final class PoisonHandoff {

    private final Mutex<Integer> mutex = Submission.provider(MutexProvider.class).create(0);

    /** A withLock body that writes 1, then fails. */
    public int failWithLock() {
        try {
            mutex.withLock(g -> {
                g.set(1);
                throw new IllegalStateException("the body failed while holding the lock");
            });
        } catch (IllegalStateException expected) {
            // the failure poisons the mutex
        }
        return 0;
    }

    /** What the next holder sees: the value, and whether lock() reported the poison. */
    public String lockAndLook() {
        Result<MutexGuard<Integer>, PoisonError<MutexGuard<Integer>>> r = mutex.lock();
        boolean poisoned = r.isErr();
        try (MutexGuard<Integer> g = poisoned ? r.unwrapErr().intoInner() : r.unwrap()) {
            return g.get() + (poisoned ? " poisoned" : " clean");
        }
    }
}
