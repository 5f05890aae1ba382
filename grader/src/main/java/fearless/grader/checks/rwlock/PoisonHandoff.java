package fearless.grader.checks.rwlock;

import fearless.api.Result;
import fearless.api.mutex.PoisonError;
import fearless.api.sync.RwLock;
import fearless.api.sync.RwLockProvider;
import fearless.api.sync.RwLockReadGuard;
import fearless.grader.check.Submission;

/**
 * A failing writer and the next reader, as the model checker drives them. Sequentially the reader
 * sees either nothing of the failure ("0 clean") or all of it ("1 poisoned"); seeing the failed
 * body's write without the poison ("1 clean") means the lock was released before the poison was
 * set (R1), so the reader got in between.
 *
 * <p>The lock is created in a field initializer through the provider, inside the code the model
 * checker instruments.
 */
public final class PoisonHandoff {

    private final RwLock<Integer> lock = Submission.provider(RwLockProvider.class).create(0);

    /** A withWrite body that writes 1, then fails. */
    public int failWithWrite() {
        try {
            lock.withWrite(g -> {
                g.set(1);
                throw new IllegalStateException("the body failed while holding the lock");
            });
        } catch (IllegalStateException expected) {
            // the failure poisons the lock
        }
        return 0;
    }

    /** What the next reader sees: the value, and whether read() reported the poison. */
    public String readAndLook() {
        Result<RwLockReadGuard<Integer>, PoisonError<RwLockReadGuard<Integer>>> r = lock.read();
        boolean poisoned = r.isErr();
        try (RwLockReadGuard<Integer> g = poisoned ? r.unwrapErr().intoInner() : r.unwrap()) {
            return g.get() + (poisoned ? " poisoned" : " clean");
        }
    }
}
