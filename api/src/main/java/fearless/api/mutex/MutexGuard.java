package fearless.api.mutex;

/**
 * Proof that the lock is held, and the only way to the guarded value. Rust's
 * {@code MutexGuard<'_, T>}: closing it (dropping it) unlocks the mutex.
 *
 * <p>{@link #get()} and {@link #set} after {@link #close()} are E0382 (the guard was dropped),
 * and from a thread other than the one that locked are E0277 (a guard is {@code !Send}, X8);
 * so is {@link #close()} from another thread, which leaves the lock held. Closing twice does
 * nothing.
 *
 * <p>Rust is more lenient than the kit here: {@code MutexGuard<T>} is {@code Sync} when {@code T}
 * is, so a scoped thread may read through a shared {@code &guard}; only moving the guard (or
 * dropping it) on another thread is refused. Java cannot tell a shared borrow from a move, so the
 * kit refuses both: its simplification, not Rust's rule.
 */
public interface MutexGuard<T> extends AutoCloseable {

    /** The guarded value ({@code *guard}). */
    T get();

    /** Replaces the guarded value ({@code *guard = value}). */
    void set(T value);

    /**
     * The mutex this guard locks, as Rust's guard borrows it: a {@link fearless.api.sync.Condvar}
     * locks it again through this after a wait. It answers after {@link #close()} too, and on any
     * thread: it names the mutex, and reaches no data.
     */
    Mutex<T> mutex();

    /** Unlocks the mutex. Never poisons: Java cannot see whether the block ended by a throw. */
    @Override
    void close();
}
