package fearless.api.sync;

import fearless.api.Result;
import fearless.api.mutex.PoisonError;
import fearless.api.mutex.TryLockError;
import java.util.function.Function;

/**
 * Rust's {@code std::sync::RwLock<T>}: a lock that lets many readers in at once, or one writer
 * alone.
 *
 * <pre>{@code
 * RwLock<Map<String, Integer>> scores = locks.create(new HashMap<>());
 * try (RwLockReadGuard<Map<String, Integer>> r = scores.read().unwrap()) {     // many at once
 *     r.get().get("ada");
 * }
 * scores.withWrite(w -> w.get().merge("ada", 1, Integer::sum));              // one, alone
 * }</pre>
 *
 * <p>Rule R1 (see {@code course-notes/09-shared-state.md}): while a read guard is alive, any number
 * of other read guards may be, but no write guard; while a write guard is alive, no other guard
 * of either kind is. Only a writer that fails while holding the lock poisons it: here, when the
 * body passed to {@link #withWrite} throws; a body of {@link #withRead} that throws leaves the
 * lock unpoisoned (a reader cannot have broken the data).
 *
 * <p>Which waiting thread gets the lock first is not promised, as Rust's is not: a writer waiting
 * may or may not hold back new readers. Locking again on a thread that already holds this lock,
 * in either mode, is unspecified (Rust may deadlock or panic); a guard is used and closed on the
 * thread that took it. A thread interrupted while it waits for the lock keeps waiting, and finds
 * its interrupt flag set again once it holds the lock.
 *
 * @param <T> the guarded value
 */
public interface RwLock<T> {

    /**
     * Blocks while a writer holds the lock, then takes a share of it ({@code RwLock::read}):
     * {@code Ok(guard)}, or {@code Err(PoisonError(guard))} if the lock is poisoned, the share
     * held either way (R1).
     */
    Result<RwLockReadGuard<T>, PoisonError<RwLockReadGuard<T>>> read();

    /**
     * Blocks while any reader or writer holds the lock, then takes it alone
     * ({@code RwLock::write}): {@code Ok(guard)}, or {@code Err(PoisonError(guard))} if the lock is
     * poisoned, the lock held either way (R1).
     */
    Result<RwLockWriteGuard<T>, PoisonError<RwLockWriteGuard<T>>> write();

    /**
     * Takes a share only if no writer holds the lock right now, never blocking
     * ({@code RwLock::try_read}): {@code Ok(guard)}, {@code Err(WouldBlock)}, or
     * {@code Err(Poisoned(PoisonError(guard)))} with the share held.
     */
    Result<RwLockReadGuard<T>, TryLockError<RwLockReadGuard<T>>> tryRead();

    /**
     * Takes the lock only if no reader and no writer holds it right now, never blocking
     * ({@code RwLock::try_write}): {@code Ok(guard)}, {@code Err(WouldBlock)}, or
     * {@code Err(Poisoned(PoisonError(guard)))} with the lock held.
     */
    Result<RwLockWriteGuard<T>, TryLockError<RwLockWriteGuard<T>>> tryWrite();

    /**
     * Runs {@code body} with a read guard and returns its result, releasing the share on every
     * path. A body that throws does not poison the lock; the exception propagates as it is. On a
     * poisoned lock the body still runs: readers may look at what a failed writer left.
     */
    <R> R withRead(Function<? super RwLockReadGuard<T>, ? extends R> body);

    /**
     * Runs {@code body} with the write guard and returns its result, unlocking on every path. If
     * {@code body} throws, the lock becomes poisoned and the exception propagates as it is (R1). On
     * a lock that is already poisoned this panics ({@link fearless.api.Panic}), like
     * {@code write().unwrap()} in Rust, after releasing the lock again, and {@code body} does not
     * run.
     */
    <R> R withWrite(Function<? super RwLockWriteGuard<T>, ? extends R> body);

    /** Whether a writer failed while holding the lock, and the poison was not cleared since. */
    boolean isPoisoned();

    /** Clears the poison ({@code RwLock::clear_poison}). */
    void clearPoison();
}
