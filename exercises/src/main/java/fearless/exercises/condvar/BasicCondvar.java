package fearless.exercises.condvar;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.PoisonError;
import fearless.api.sync.Condvar;
import fearless.api.sync.WaitTimeoutResult;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Exercise {@code condvar}: Rust's {@code std::sync::Condvar}, a place where threads that hold a
 * mutex wait until another thread changes the guarded value and tells them so.
 *
 * <p>A wait is given a live guard. It lets the lock go by closing that guard, waits for a
 * notification, then takes the lock again through {@code guard.mutex().lock()} and returns what
 * that call returned: {@code Ok(guard)}, or {@code Err(PoisonError(guard))} if the mutex is
 * poisoned. The lock is held again in every case, time-outs included.
 *
 * <p>Rules C1-C4. Read {@code course-notes/09-shared-state.md}, sections 3 and 8, first.
 * <ul>
 *   <li>C1: letting the lock go and starting to wait are one step. A thread that takes the lock
 *       just after the waiter let it go, changes the value and notifies, must wake the waiter,
 *       even if the waiter has not reached its own wait yet.</li>
 *   <li>C2: a wait may end without a notification; {@link #waitWhile} asks its condition before
 *       waiting, and again after every wake-up, in a loop.</li>
 *   <li>C3: {@link #waitTimeout} gives up once its timeout has passed, locks again all the same, and
 *       says whether the time ran out. Zero or negative: no waiting at all. Huge: no overflow.</li>
 *   <li>C4: a notification reaches only the threads waiting when it is sent; one sent while nobody
 *       waits is lost, and must not end a later wait.</li>
 * </ul>
 * A thread interrupted while it waits keeps waiting, and finds its interrupt flag set again when the
 * wait returns. {@code java.util.concurrent.locks} ({@code Lock}, {@code Condition}) is off limits,
 * and so is {@code Thread.sleep}; a private monitor of your own, or atomics with
 * {@code LockSupport.park}, are fine.
 *
 * <p>Hints:
 * <ul>
 *   <li>You cannot wait on the user's mutex: it is not a monitor you own. Keep your own private lock
 *       object, and a record for each waiting thread (or a count of notifications).</li>
 *   <li>Register the waiter under your own lock <em>before</em> you close the guard. A notifier that
 *       comes right after the close then finds the record; registered after the close, the
 *       notification is lost and the waiter sleeps for good.</li>
 *   <li>A notifier marks records that are there when it runs, and nothing else: no saved-up
 *       "permits". Each waiter waits in a loop until its own record is marked.</li>
 *   <li>Timed waits: a deadline from {@code System.nanoTime()}; a waiter that gives up takes its
 *       record out under your lock, or a later {@code notifyOne} is spent on a thread that left.</li>
 *   <li>{@code wait()} throws {@code InterruptedException} and clears the flag: note it, keep
 *       waiting, and set the flag again before you return.</li>
 * </ul>
 */
public final class BasicCondvar implements Condvar {

    // Suggested state: a private lock object, and a queue of waiter records guarded by it.

    /** Unlocks, waits for a notification, locks again (C1, C2). */
    @Override
    public <T> Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> wait(MutexGuard<T> guard) {
        throw new Unimplemented("condvar", "course-notes/09-shared-state.md");
    }

    /** Waits while {@code condition} holds, asking before the first wait too (C2). */
    @Override
    public <T> Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> waitWhile(MutexGuard<T> guard,
            Predicate<? super T> condition) {
        throw new Unimplemented("condvar", "course-notes/09-shared-state.md");
    }

    /** Waits at most {@code timeout}; locks again in every case and says whether time ran out (C3). */
    @Override
    public <T> Result<WaitTimeoutResult<MutexGuard<T>>, PoisonError<WaitTimeoutResult<MutexGuard<T>>>> waitTimeout(
            MutexGuard<T> guard, Duration timeout) {
        throw new Unimplemented("condvar", "course-notes/09-shared-state.md");
    }

    /** Wakes one waiting thread, if any; with none, does nothing (C4). */
    @Override
    public void notifyOne() {
        throw new Unimplemented("condvar", "course-notes/09-shared-state.md");
    }

    /** Wakes every thread waiting now, and no later one (C4). */
    @Override
    public void notifyAllWaiters() {
        throw new Unimplemented("condvar", "course-notes/09-shared-state.md");
    }
}
