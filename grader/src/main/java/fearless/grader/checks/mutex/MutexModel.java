package fearless.grader.checks.mutex;

import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;

/**
 * The simple model a single-threaded mutex must agree with: is the lock held (by this thread),
 * is it poisoned, what value does it guard, and has a guard been closed (and so is dead) yet.
 */
final class MutexModel {
    boolean locked;
    boolean poisoned;
    int value;
    boolean closedGuard;

    /** The real mutex, with the guard this thread holds and the last guard it closed. */
    static final class Real {
        final Mutex<Integer> mutex;
        MutexGuard<Integer> guard;
        MutexGuard<Integer> closed;

        Real(Mutex<Integer> mutex) {
            this.mutex = mutex;
        }

        /** Closes the guard a sequence left open, so the next sequence starts clean. */
        void closeOpenGuard() {
            if (guard != null) {
                guard.close();
                guard = null;
            }
        }
    }
}
