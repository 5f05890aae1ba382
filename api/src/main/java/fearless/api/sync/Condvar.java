package fearless.api.sync;

import fearless.api.Result;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.PoisonError;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Rust's {@code std::sync::Condvar}: a place where threads holding a {@link fearless.api.mutex.Mutex}
 * wait until another thread changes the guarded state and tells them so.
 *
 * <pre>{@code
 * // waiting thread                                   // notifying thread
 * MutexGuard<Boolean> g = ready.lock().unwrap();      try (MutexGuard<Boolean> g = ready.lock().unwrap()) {
 * g = cv.waitWhile(g, r -> !r).unwrap();                  g.set(true);
 * g.close();                                          }
 *                                                     cv.notifyOne();
 * }</pre>
 *
 * <p>Rules (see {@code course-notes/06-mutex.md} and {@code course-notes/09-shared-state.md}):
 * <ul>
 *   <li>C1 {@link #wait} releases the lock and starts waiting in one atomic step: a notification
 *       sent by a thread that took the lock after the waiter let it go is never lost; and the
 *       waiter holds the lock again when the wait returns;</li>
 *   <li>C2 a wait may end without a notification (a spurious wake-up), so a condition is waited
 *       for in a loop; {@link #waitWhile} is that loop;</li>
 *   <li>C3 {@link #waitTimeout} always holds the lock again when it returns, and says whether the
 *       time ran out;</li>
 *   <li>C4 a notification sent while no thread waits is lost: it does not end a later wait.</li>
 * </ul>
 * Java's {@code Object.notifyAll()} is final, so Rust's {@code notify_all} is
 * {@link #notifyAllWaiters()} here. The waits work with any {@link fearless.api.mutex.Mutex}: they
 * unlock by closing the guard, and lock again through {@link MutexGuard#mutex()}. A wait takes
 * a live guard held by the calling thread (Rust's types allow nothing else; here anything else is
 * unspecified); the guard passed in is used up, and the wait returns the guard to use from then on. A
 * thread interrupted while it waits keeps waiting, as in Rust, and finds its interrupt flag set
 * again when the wait returns. Notifying needs no lock: any thread may notify at any time.
 */
public interface Condvar {

    /**
     * Unlocks the guard's mutex, waits for a notification, then locks it again (C1). It may return
     * without a notification (C2). {@code Ok(guard)}, or {@code Err(PoisonError(guard))} if the
     * mutex is poisoned when it is locked again: the lock is held either way.
     */
    <T> Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> wait(MutexGuard<T> guard);

    /**
     * Waits while {@code condition} holds for the guarded value ({@code Condvar::wait_while}): it
     * asks first, before waiting at all, and again after every wake-up, always with the lock held,
     * and returns as soon as the answer is {@code false} (C2). {@code Err(PoisonError(guard))} if
     * the mutex was found poisoned on the way: a poisoned lock ends the wait.
     */
    <T> Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> waitWhile(MutexGuard<T> guard,
            Predicate<? super T> condition);

    /**
     * Like {@link #wait}, but gives up once {@code timeout} has passed ({@code Condvar::wait_timeout}).
     * It locks again in every case, and the result says whether the time ran out (C3). A zero or
     * negative timeout unlocks, locks again and reports a timeout; a huge one waits as long as it
     * takes, without overflow. It may return early without a notification (C2), with
     * {@code timedOut()} false.
     */
    <T> Result<WaitTimeoutResult<MutexGuard<T>>, PoisonError<WaitTimeoutResult<MutexGuard<T>>>> waitTimeout(
            MutexGuard<T> guard, Duration timeout);

    /**
     * Wakes one thread waiting on this condvar, if there is one ({@code Condvar::notify_one}); with
     * none waiting, does nothing at all (C4).
     */
    void notifyOne();

    /**
     * Wakes every thread waiting on this condvar right now ({@code Condvar::notify_all}); threads
     * that start waiting afterwards are not woken by it (C4).
     */
    void notifyAllWaiters();
}
