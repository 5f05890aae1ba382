package fearless.grader.checks.syncchannel;

import fearless.api.Unimplemented;
import fearless.grader.check.Safely;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * A thread of the check's that makes one call into the channel (a send, a receive) and is watched
 * from outside: whether it waits, whether it returned, what it returned, what it threw, and its
 * interrupt status at the end. Every wait for it is bounded; a thread still waiting when the
 * check gives up is interrupted and left behind (a daemon).
 *
 * @param <R> what the call returns
 */
final class Party<R> {

    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile R result;
    private volatile Throwable failure;
    private volatile boolean interruptedAtEnd;

    private Party(String name, Callable<R> body) {
        thread = new Thread(() -> {
            try {
                result = body.call();
            } catch (Throwable e) {
                failure = e;
            } finally {
                interruptedAtEnd = Thread.currentThread().isInterrupted();
                done.countDown();
            }
        }, name);
        thread.setDaemon(true);
    }

    static <R> Party<R> start(String name, Callable<R> body) {
        Party<R> p = new Party<>(name, body);
        p.thread.start();
        return p;
    }

    Thread thread() {
        return thread;
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    /** Whether the thread waits now (in {@code wait}, {@code park} or a timed one). */
    boolean isWaiting() {
        Thread.State s = thread.getState();
        return !isDone() && (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING);
    }

    /**
     * Waits (the bound at most) until the thread waits or has ended; whether it waits. A thread
     * that spins stays runnable: past the bound the check goes on and judges what it sees.
     */
    boolean awaitWaiting(Duration bound) {
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
     * Whether the thread still waits, a settle time after it was first seen waiting: a call that
     * must block (a send into a full buffer) is still in it, and has not returned.
     */
    boolean staysWaiting(Duration bound) throws InterruptedException {
        if (!awaitWaiting(bound)) {
            return false;
        }
        Thread.sleep(20);
        return awaitWaiting(bound) && !isDone();
    }

    /** Whether it returned within {@code timeout}; a runnable thread gets one more {@code timeout}. */
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

    /** What the call returned; fails the check if it threw (a stub with its own message). */
    R result(String what) {
        Throwable e = failure;
        if (e == null) {
            return result;
        }
        if (e instanceof Unimplemented) {
            throw new AssertionFailedError(Safely.message(e), e);
        }
        if (e instanceof AssertionError assertion) {
            throw assertion;
        }
        throw new AssertionFailedError(what + " threw " + Safely.describe(e), e);
    }

    boolean interruptedAtEnd() {
        return interruptedAtEnd;
    }

    /** Interrupts a thread that is still waiting, and leaves it. */
    void abandon() {
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
