package fearless.api.mutex;

import fearless.api.Result;
import java.util.function.Function;

/**
 * Rust's {@code std::sync::Mutex<T>}: mutual exclusion around a value, reachable only through the
 * {@link MutexGuard} that {@link #lock()} returns. Closing the guard unlocks.
 *
 * <pre>{@code
 * Mutex<Integer> m = mutexes.create(0);
 * try (MutexGuard<Integer> g = m.lock().unwrap()) {
 *     g.set(g.get() + 1);
 * }                                   // unlocked here
 * }</pre>
 *
 * <p>Rules (see {@code course-notes/06-mutex.md}):
 * <ul>
 *   <li>X1 {@link #lock()} blocks until the lock is free; closing the guard unlocks;</li>
 *   <li>X2 at most one thread holds the lock at any time;</li>
 *   <li>X3 {@link #tryLock()} never blocks;</li>
 *   <li>X4 the mutex is poisoned only when its holder fails while holding it: here, when the body
 *       passed to {@link #withLock} throws (a guard closed by try-with-resources never poisons);</li>
 *   <li>X5 a poisoned mutex still locks, but returns the guard inside a {@link PoisonError};
 *       the poison stays until {@link #clearPoison()};</li>
 *   <li>X6 {@link #intoInner()} consumes the mutex and returns the value; called while the calling
 *       thread still holds a guard of it, it is {@link fearless.api.OwnershipError} E0505, as rustc
 *       refuses to move a mutex out while its guard borrows it;</li>
 *   <li>X7 locking again on the thread that holds the lock would deadlock in Rust; here it must
 *       throw a {@link fearless.api.Panic} instead, from {@link #lock()} and {@link #withLock}
 *       ({@link #tryLock()} answers {@code WouldBlock}, as Rust's does);</li>
 *   <li>X8 a guard belongs to the thread that locked: using or closing it from another thread is
 *       {@link fearless.api.OwnershipError} E0277.</li>
 * </ul>
 * X8 is stricter than Rust: a {@code MutexGuard} is {@code !Send}, so it cannot move to another
 * thread, but it is {@code Sync} when {@code T} is, so Rust lets a scoped thread read through
 * {@code &guard} while the locking thread waits for it. The kit refuses every use from another
 * thread, a simplification: it cannot tell a borrow from a move.
 *
 * @param <T> the guarded value
 */
public interface Mutex<T> {

    /**
     * Blocks until the lock is free, then takes it. {@code Ok(guard)} normally;
     * {@code Err(PoisonError(guard))} if the mutex is poisoned: the lock is held all the same,
     * and the guard shows the writes made before the failure (X5).
     *
     * <p>Unlike Rust, {@code lock().unwrap()} on a poisoned mutex panics with the lock still held
     * (by the guard inside the error): Java cannot drop it during the panic. Take the guard out with
     * {@code unwrapErr().intoInner()} and close it, or use {@link #withLock}. A thread interrupted
     * while it waits keeps waiting, like Rust's, and finds its interrupt flag set again afterwards.
     */
    Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> lock();

    /**
     * Takes the lock only if it is free right now, never blocking: {@code Ok(guard)},
     * {@code Err(WouldBlock)}, or {@code Err(Poisoned(PoisonError(guard)))} (X3).
     */
    Result<MutexGuard<T>, TryLockError<MutexGuard<T>>> tryLock();

    /**
     * Runs {@code body} under the lock and returns its result, unlocking afterwards on every path.
     * If {@code body} throws, the mutex becomes poisoned and the exception propagates (X4). On a
     * mutex that is already poisoned this panics, like {@code lock().unwrap()} in Rust, after
     * releasing the lock again. The guard is the body's to use, not to keep: it is dead once the
     * body returns (and if the body closes it early, there is nothing left to unlock).
     */
    <R> R withLock(Function<? super MutexGuard<T>, ? extends R> body);

    /** Whether a holder failed while holding the lock, and the poison was not cleared since. */
    boolean isPoisoned();

    /** Clears the poison (Rust's {@code clear_poison}). */
    void clearPoison();

    /**
     * Consumes the mutex and returns its value: {@code Ok(value)}, or {@code Err(PoisonError(value))}
     * if poisoned (X6). Every later use of the mutex is E0382. If the calling thread still holds a
     * guard of this mutex, this is {@link fearless.api.OwnershipError} E0505 (rustc's "cannot move
     * out of the mutex because it is borrowed": a compile error, not a deadlock), and the mutex
     * stays as it was. If another thread holds the lock, this waits for it: in Rust that thread
     * borrows the mutex through a scope or shares it through an {@code Arc}, and the owner can take
     * the value only once that thread is done.
     */
    Result<T, PoisonError<T>> intoInner();
}
