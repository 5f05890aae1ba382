package fearless.grader.checks.parker;

import fearless.api.Unimplemented;
import fearless.grader.check.Safely;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * A thread of the check's that runs one piece of parking code and is watched from outside: whether
 * it returned, how long it took, whether its interrupt status was set when it returned, and what
 * it threw. Every wait for it is bounded; a thread still parked when the check gives up is
 * interrupted and left behind (it is a daemon).
 */
final class ParkingThread {

    /** The code the thread runs; it may throw anything. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile boolean interruptedAtEnd;
    private volatile Throwable failure;

    private ParkingThread(String name, Body body) {
        thread = new Thread(() -> {
            startNanos = System.nanoTime();
            try {
                body.run();
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
    static ParkingThread start(String name, Body body) {
        ParkingThread t = new ParkingThread(name, body);
        t.thread.start();
        return t;
    }

    Thread thread() {
        return thread;
    }

    /**
     * Waits (a second at most) until the thread is blocked or waiting, that is, parked, or has
     * ended. A thread that spins stays runnable: after the second the check goes on anyway.
     */
    void awaitParked() {
        long end = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() - end < 0 && done.getCount() > 0) {
            Thread.State s = thread.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Whether the thread returned within {@code timeout}. Past it, a thread that is still runnable
     * gets one more {@code timeout}: the machine may not have let it run yet (slow is not stuck),
     * while a thread that is blocked or waiting will not move by itself.
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
        return done.getCount() == 0;
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    /** Nanoseconds from the start of the body to its end. */
    long elapsedNanos() {
        return endNanos - startNanos;
    }

    /** Whether the thread's interrupt status was set when the body returned. */
    boolean interruptedAtEnd() {
        return interruptedAtEnd;
    }

    /** Fails the check if the body threw: a stub with its own message, anything else saying what {@code what} threw. */
    void requireNoFailure(String what) {
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
        throw new AssertionFailedError(what + " threw " + Safely.describe(e) + " (T7)", e);
    }

    /** Interrupts a thread that is still parked, and leaves it. */
    void abandon() {
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
