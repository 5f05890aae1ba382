package fearless.grader.checks.rwlock;

import fearless.api.sync.RwLock;
import fearless.api.sync.RwLockReadGuard;
import fearless.api.sync.RwLockWriteGuard;

/**
 * The simple model a single-threaded rw-lock must agree with: which guard this thread holds
 * (none, a read guard or the write guard), is the lock poisoned, what value does it guard, and
 * which kind of guard was closed last (and so is dead).
 */
final class RwLockModel {

    enum Held { NONE, READ, WRITE }

    Held held = Held.NONE;
    Held closed = Held.NONE;
    boolean poisoned;
    int value;

    /** The real lock, with the guard this thread holds and the last guard it closed. */
    static final class Real {
        final RwLock<Integer> lock;
        RwLockReadGuard<Integer> read;
        RwLockWriteGuard<Integer> write;
        AutoCloseable closed;

        Real(RwLock<Integer> lock) {
            this.lock = lock;
        }

        /** Closes the guard a sequence left open, so the next sequence starts clean. */
        void closeOpenGuard() {
            if (read != null) {
                read.close();
                read = null;
            }
            if (write != null) {
                write.close();
                write = null;
            }
        }
    }
}
