package fearless.solutions.condvar;

import fearless.api.Result;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.PoisonError;
import fearless.api.sync.Condvar;
import fearless.api.sync.WaitTimeoutResult;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Rust's {@code Condvar} on one private monitor and a queue of waiter records (C1-C4).
 *
 * <p>Why it is built this way: a waiter puts its record in the queue, under the monitor, before it
 * closes the guard. A notifier that takes the lock after that unlock finds the record and marks it,
 * even if the waiter has not reached its {@code wait()} yet: the waiter sees the mark and does not
 * wait at all (C1). A notification marks only records already in the queue, so one sent while
 * nobody waits leaves nothing behind (C4). Each waiter waits in a loop on its own mark, so a
 * {@code notifyAll()} of the monitor that is meant for another record sends it back to sleep. A
 * timed waiter that gives up takes its record out under the same monitor, so a later
 * {@code notifyOne} never marks a thread that has left. Whatever happens, the wait locks again
 * through {@code guard.mutex().lock()} and returns what that says, poison included (C3).
 */
public final class BasicCondvar implements Condvar {

    /** One waiting thread; {@code notified} is read and written under {@code monitor}. */
    private static final class Waiter {
        private boolean notified;
    }

    private final Object monitor = new Object();

    /** The records of the threads waiting now, oldest first (guarded by {@code monitor}). */
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    @Override
    public <T> Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> wait(MutexGuard<T> guard) {
        Mutex<T> mutex = guard.mutex();
        Waiter me = register();
        guard.close();
        boolean interrupted = sleep(me, false, 0);
        Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> again = mutex.lock();
        restore(interrupted);
        return again;
    }

    @Override
    public <T> Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> waitWhile(MutexGuard<T> guard,
            Predicate<? super T> condition) {
        Objects.requireNonNull(condition, "condition");
        MutexGuard<T> current = guard;
        while (condition.test(current.get())) {
            Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> again = wait(current);
            if (again.isErr()) {
                return again;
            }
            current = again.unwrap();
        }
        return Result.ok(current);
    }

    @Override
    public <T> Result<WaitTimeoutResult<MutexGuard<T>>, PoisonError<WaitTimeoutResult<MutexGuard<T>>>> waitTimeout(
            MutexGuard<T> guard, Duration timeout) {
        long nanos = nanos(timeout);
        Mutex<T> mutex = guard.mutex();
        Waiter me = nanos > 0 ? register() : null;
        guard.close();
        boolean interrupted = me != null && sleep(me, true, nanos);
        boolean timedOut = me == null || !notified(me);
        Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> again = mutex.lock();
        restore(interrupted);
        if (again.isErr()) {
            return Result.err(new PoisonError<>(new WaitTimeoutResult<>(again.unwrapErr().intoInner(), timedOut)));
        }
        return Result.ok(new WaitTimeoutResult<>(again.unwrap(), timedOut));
    }

    @Override
    public void notifyOne() {
        synchronized (monitor) {
            Waiter first = waiters.poll();
            if (first != null) {
                first.notified = true;
                monitor.notifyAll();
            }
        }
    }

    @Override
    public void notifyAllWaiters() {
        synchronized (monitor) {
            for (Waiter w : waiters) {
                w.notified = true;
            }
            waiters.clear();
            monitor.notifyAll();
        }
    }

    private Waiter register() {
        Waiter me = new Waiter();
        synchronized (monitor) {
            waiters.addLast(me);
        }
        return me;
    }

    private boolean notified(Waiter me) {
        synchronized (monitor) {
            return me.notified;
        }
    }

    /**
     * Waits until {@code me} is marked, or (if {@code timed}) until {@code nanos} have passed, when
     * it takes its record out. An interrupt does not end the wait; returns whether one came.
     */
    private boolean sleep(Waiter me, boolean timed, long nanos) {
        long start = System.nanoTime();
        boolean interrupted = false;
        synchronized (monitor) {
            while (!me.notified) {
                long left = nanos - (System.nanoTime() - start);
                if (timed && left <= 0) {
                    waiters.remove(me);
                    break;
                }
                try {
                    if (timed) {
                        monitor.wait(left / 1_000_000, (int) (left % 1_000_000));
                    } else {
                        monitor.wait();
                    }
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting, as Rust's condvar does
                }
            }
        }
        return interrupted;
    }

    private static void restore(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The timeout in nanoseconds; a huge one saturates instead of overflowing. */
    private static long nanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException huge) {
            return timeout.isNegative() ? 0 : Long.MAX_VALUE;
        }
    }
}
