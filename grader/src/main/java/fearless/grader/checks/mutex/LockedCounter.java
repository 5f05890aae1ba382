package fearless.grader.checks.mutex;

import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.MutexProvider;
import fearless.grader.check.Submission;

/**
 * A counter behind the submission's mutex, as the model checker drives it: each operation is one
 * critical section. Sequentially it is a plain counter, so any concurrent run whose results no
 * sequential order explains shows two threads inside the lock at once (X2).
 *
 * <p>The mutex is created in a field initializer through the provider's method, inside the code
 * the model checker instruments: that is how it sees races in the submission's code.
 */
public final class LockedCounter {

    private final Mutex<Integer> mutex = Submission.provider(MutexProvider.class).create(0);

    /** Adds one through a guard from {@code lock()}; returns the new count. */
    public int inc() {
        try (MutexGuard<Integer> g = mutex.lock().unwrap()) {
            int next = g.get() + 1;
            g.set(next);
            return next;
        }
    }

    /** Adds one inside {@code withLock}; returns the new count. */
    public int incWithLock() {
        return mutex.withLock(g -> {
            int next = g.get() + 1;
            g.set(next);
            return next;
        });
    }

    /** The count. */
    public int get() {
        try (MutexGuard<Integer> g = mutex.lock().unwrap()) {
            return g.get();
        }
    }
}
