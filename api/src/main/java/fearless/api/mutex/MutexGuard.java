package fearless.api.mutex;

/**
 * Proof that the lock is held, and the only way to the guarded value. Rust's
 * {@code MutexGuard<'_, T>}: closing it (dropping it) unlocks the mutex.
 *
 * <p>{@link #get()} and {@link #set} after {@link #close()} are E0382 (the guard was dropped),
 * and from a thread other than the one that locked are E0277 (a guard is {@code !Send}, X8);
 * so is {@link #close()} from another thread, which leaves the lock held. Closing twice does
 * nothing.
 */
public interface MutexGuard<T> extends AutoCloseable {

    /** The guarded value ({@code *guard}). */
    T get();

    /** Replaces the guarded value ({@code *guard = value}). */
    void set(T value);

    /** Unlocks the mutex. Never poisons: Java cannot see whether the block ended by a throw. */
    @Override
    void close();
}
