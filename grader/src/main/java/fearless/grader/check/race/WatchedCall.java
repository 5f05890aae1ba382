package fearless.grader.check.race;

import fearless.api.Unimplemented;
import fearless.grader.check.Safely;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * One call into the submission that may wait (a park, a receive, a send into a full channel), run
 * on a thread of the check's own and watched from outside: whether it waits now, whether it
 * returned, what it returned or threw, how long it took, and its interrupt status at the end.
 * Every wait for it is bounded; a thread still waiting when the check gives up is interrupted and
 * left behind (it is a daemon).
 *
 * @param <R> what the call returns
 */
public final class WatchedCall<R> {

    /** A call with nothing to return; it may throw anything. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private static final Duration WAITING_BOUND = Duration.ofSeconds(2);
    private static final Duration PARKED_BOUND = Duration.ofSeconds(1);

    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile boolean interruptedAtEnd;
    private volatile R result;
    private volatile Throwable failure;

    private WatchedCall(String name, boolean interruptFirst, Callable<R> body) {
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
    public static <R> WatchedCall<R> start(String name, Callable<R> body) {
        WatchedCall<R> call = new WatchedCall<>(name, false, body);
        call.thread.start();
        return call;
    }

    /** Starts {@code body} on a new daemon thread whose interrupt status is set before the call. */
    public static <R> WatchedCall<R> startInterrupted(String name, Callable<R> body) {
        WatchedCall<R> call = new WatchedCall<>(name, true, body);
        call.thread.start();
        return call;
    }

    /** Starts {@code body}, which returns nothing, on a new daemon thread named {@code name}. */
    public static WatchedCall<Void> startAction(String name, Action body) {
        return start(name, () -> {
            body.run();
            return null;
        });
    }

    public Thread thread() {
        return thread;
    }

    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** Whether the thread waits now, in {@code wait}, {@code park} or a timed one. */
    public boolean isWaiting() {
        Thread.State s = thread.getState();
        return !isDone() && (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING);
    }

    /** {@link #awaitWaiting(Duration)} for two seconds at most. */
    public boolean awaitWaiting() {
        return awaitWaiting(WAITING_BOUND);
    }

    /**
     * Waits ({@code bound} at most) until the thread waits or has ended; whether it waits. A
     * thread that spins stays runnable: past the bound the check goes on and judges what it sees.
     */
    public boolean awaitWaiting(Duration bound) {
        long end = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() - end < 0 && !isDone()) {
            if (isWaiting()) {
                return true;
            }
            Thread.onSpinWait();
        }
        return isWaiting();
    }

    /**
     * Waits (a second at most) until the thread is blocked or waiting, that is, parked on a
     * monitor or in a wait, or has ended. After the second the check goes on anyway.
     */
    public void awaitParked() {
        long end = System.nanoTime() + PARKED_BOUND.toNanos();
        while (System.nanoTime() - end < 0 && !isDone()) {
            if (isWaiting() || thread.getState() == Thread.State.BLOCKED) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Whether the thread still waits a settle time after it was first seen waiting: a call that
     * must block (a send into a full buffer) is still in it, and has not returned.
     */
    public boolean staysWaiting(Duration bound) throws InterruptedException {
        if (!awaitWaiting(bound)) {
            return false;
        }
        Thread.sleep(20);
        return awaitWaiting(bound) && !isDone();
    }

    /**
     * Whether the call returned within {@code timeout}. Past it, a thread that is still runnable
     * gets one more {@code timeout}: the machine may not have let it run yet (slow is not stuck),
     * while a thread that is blocked or waiting will not move by itself.
     */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
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
    public boolean returnedWithin(long millis) throws InterruptedException {
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    /** What the call returned, or {@code null} while it runs or if it threw. */
    public R result() {
        return result;
    }

    /** What the call returned; fails the check if it threw, as {@link #requireNoFailure} says. */
    public R result(String what) {
        throwFailure(what, "");
        return result;
    }

    /** Nanoseconds from the start of the call to its end. */
    public long elapsedNanos() {
        return endNanos - startNanos;
    }

    /** Whether the thread's interrupt status was set when the call returned. */
    public boolean interruptedAtEnd() {
        return interruptedAtEnd;
    }

    /**
     * Fails the check if the call threw: a stub with its own "not yet implemented", an assertion
     * of the check's own as it is, anything else saying what {@code what} threw, with the rule.
     */
    public void requireNoFailure(String what, String rule) {
        throwFailure(what, " (" + rule + ")");
    }

    private void throwFailure(String what, String rule) {
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
        throw new AssertionFailedError(what + " threw " + Safely.describe(e) + rule, e);
    }

    /** Interrupts a thread that is still waiting, and leaves it. */
    public void abandon() {
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
