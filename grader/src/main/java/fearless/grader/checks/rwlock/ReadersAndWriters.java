package fearless.grader.checks.rwlock;

import fearless.api.Result;
import fearless.api.mutex.TryLockError;
import fearless.api.sync.RwLock;
import fearless.api.sync.RwLockProvider;
import fearless.api.sync.RwLockReadGuard;
import fearless.api.sync.RwLockWriteGuard;
import fearless.grader.check.Submission;

/**
 * A value behind the submission's lock, as the model checker drives it: a reader looks at it, a
 * writer passes through -1 on its way to the next value, and once the threads are done
 * {@link #tryWriteNow()} asks whether the lock is free. Sequentially no reader ever sees -1 and
 * the lock is always free at the end; a run whose results no sequential order explains shows a
 * reader beside a writer, or a count of readers that lost an update (R1).
 *
 * <p>The lock is created in a field initializer through the provider, inside the code the model
 * checker instruments.
 */
public final class ReadersAndWriters {

    private final RwLock<Integer> lock = Submission.provider(RwLockProvider.class).create(0);

    /** Takes a share, looks, gives it back; returns what it saw. */
    public int read() {
        try (RwLockReadGuard<Integer> g = lock.read().unwrap()) {
            return g.get();
        }
    }

    /** Takes the lock alone, stores -1, then the old value plus one; returns the new value. */
    public int write() {
        try (RwLockWriteGuard<Integer> g = lock.write().unwrap()) {
            int old = g.get();
            g.set(-1);
            g.set(old + 1);
            return old + 1;
        }
    }

    /** Whether tryWrite gets the lock now: "Ok", "WouldBlock" or "Poisoned"; a guard it got is closed. */
    public String tryWriteNow() {
        Result<RwLockWriteGuard<Integer>, TryLockError<RwLockWriteGuard<Integer>>> r = lock.tryWrite();
        if (r.isOk()) {
            r.unwrap().close();
            return "Ok";
        }
        if (r.unwrapErr() instanceof TryLockError.Poisoned<RwLockWriteGuard<Integer>> p) {
            p.error().intoInner().close();
            return "Poisoned";
        }
        return "WouldBlock";
    }
}
