package fearless.api.mutex;

/** Why {@link Mutex#tryLock()} did not hand out a plain guard (X3). */
public sealed interface TryLockError<G> permits TryLockError.WouldBlock, TryLockError.Poisoned {

    /** The lock is held: by another thread, or by this one (X7). */
    record WouldBlock<G>() implements TryLockError<G> {
        @Override
        public String toString() {
            return "WouldBlock";
        }
    }

    /** The lock was free, but poisoned: it is now held, and the guard is inside. */
    record Poisoned<G>(PoisonError<G> error) implements TryLockError<G> {
        @Override
        public String toString() {
            return "Poisoned(..)";
        }
    }
}
