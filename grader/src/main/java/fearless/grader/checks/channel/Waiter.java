package fearless.grader.checks.channel;

import fearless.api.Unimplemented;
import fearless.grader.check.Safely;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * A thread of the check's that runs one call that may wait (a recv, an iteration) and is watched
 * from outside: whether it returned, what, how long it took, whether its interrupt status was set
 * when it returned, and what it threw. Every wait for it is bounded; a thread still waiting when
 * the check gives up is left behind (it is a daemon).
 *
 * @param <R> what the call returns
 */
final class Waiter<R> {

    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile boolean interruptedAtEnd;
    private volatile R result;
    private volatile Throwable failure;

    private Waiter(String name, boolean interruptFirst, Callable<R> body) {
        thread = new Thread(() -> {
            if (interruptFirst) {
                Thread.currentThread().interrupt();
            }
            startNanos = System.nanoTime();
            try {
                result = body.call();
            } catch (Throwable e) {
                failure = e;
            } finally {
                endNanos = System.nanoTime();
                interruptedAtEnd = Thread.currentThread().isInterrupted();
                done.countDown();
            }
        }, name);
        thread.setDaemon(true);
    }

    /** Starts {@code body} on a new daemon thread named {@code name}. */
    static <R> Waiter<R> start(String name, Callable<R> body) {
        Waiter<R> w = new Waiter<>(name, false, body);
        w.thread.start();
        return w;
    }

    /** Starts {@code body} on a new daemon thread whose interrupt status is set before the call. */
    static <R> Waiter<R> startInterrupted(String name, Callable<R> body) {
        Waiter<R> w = new Waiter<>(name, true, body);
        w.thread.start();
        return w;
    }

    Thread thread() {
        return thread;
    }

    /**
     * Waits (two seconds at most) until the thread waits (WAITING or TIMED_WAITING) or has ended;
     * true if it waits. A thread that spins stays runnable: after the bound the check goes on.
     */
    boolean awaitWaiting() {
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() - end < 0 && !isDone()) {
            Thread.State s = thread.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    /**
     * Whether the call returned within {@code timeout}. Past it, a thread that is still runnable
     * gets one more {@code timeout}: slow is not stuck.
     */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        if (done.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return true;
        }
        long cap = System.nanoTime() + timeout.toNanos();
        while (thread.getState() == Thread.State.RUNNABLE && System.nanoTime() - cap < 0) {
            if (done.await(20, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return isDone();
    }

    /** Whether the call returned within {@code millis}, a plain wall-clock wait (for "it must still wait"). */
    boolean returnedWithin(long millis) throws InterruptedException {
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    R result() {
        return result;
    }

    long elapsedNanos() {
        return endNanos - startNanos;
    }

    boolean interruptedAtEnd() {
        return interruptedAtEnd;
    }

    /** Fails the check if the call threw: a stub with its own message, anything else saying what {@code what} threw. */
    void requireNoFailure(String what, String rule) {
        Throwable e = failure;
        if (e == null) {
            return;
        }
        if (e instanceof Unimplemented) {
            throw new AssertionFailedError(Safely.message(e), e);
        }
        if (e instanceof AssertionError assertion) {
            throw assertion;
        }
        throw new AssertionFailedError(what + " threw " + Safely.describe(e) + " (" + rule + ")", e);
    }

    /** Interrupts a thread still waiting, and leaves it. */
    void abandon() {
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
