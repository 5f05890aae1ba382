package fearless.grader.checks.scoped;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.function.BooleanSupplier;

/**
 * Holds a scoped thread until the thread that called {@code scope()} is seen waiting for it, after
 * a condition (the body has returned, another thread has ended). A scope that returns without
 * waiting never lets such a thread through, so the check sees its work undone every time, not
 * only when the scheduler is kind. Once {@link #scopeReturned()} is called, held threads give up.
 *
 * <p>A submission that waits by spinning is never seen waiting: after {@link #SPIN_FALLBACK_MILLIS}
 * the thread goes through anyway, so that design is slower here, not wrong.
 */
final class CallerWaits {

    /** How long a held thread waits for the caller to be seen waiting before it goes through anyway. */
    static final long SPIN_FALLBACK_MILLIS = 500;

    /** The most a held thread waits in all: the checks' scenarios are bounded well below. */
    private static final long MAX_MILLIS = 8_000;

    private final Thread caller;
    private volatile boolean returned;
    private volatile boolean released;

    /** For the thread calling {@code scope()} now. */
    CallerWaits() {
        this.caller = Thread.currentThread();
    }

    /** Called right after {@code scope()} returned or threw: held threads give up, their work undone. */
    void scopeReturned() {
        returned = true;
        released = true;
    }

    /**
     * Called right after {@code scope()} returned, to keep the threads it left behind held (never
     * let through) until {@link #release()}: a leak check then still finds them running.
     */
    void scopeReturnedKeepHolding() {
        returned = true;
    }

    /** Held threads give up. */
    void release() {
        released = true;
    }

    /** Whether {@code scope()} has returned. */
    boolean hasReturned() {
        return returned;
    }

    /**
     * Blocks until the caller is seen waiting (blocked, waiting, or sleeping) with {@code after}
     * true, while {@code scope()} has not returned; false if it returned first.
     */
    boolean pass(BooleanSupplier after) {
        long start = System.nanoTime();
        long afterSince = 0;
        while (!released) {
            long now = System.nanoTime();
            if (!returned && after.getAsBoolean()) {
                if (afterSince == 0) {
                    afterSince = now;
                }
                if (isWaiting(caller) || now - afterSince > SPIN_FALLBACK_MILLIS * 1_000_000L) {
                    return !returned;
                }
            }
            if (now - start > MAX_MILLIS * 1_000_000L) {
                return false;
            }
            pause();
        }
        return false;
    }

    /**
     * Blocks until every thread of {@code ended} has terminated and the caller is then seen waiting
     * in a new wait (or in the same one for {@link #STABLE_MILLIS}); false if {@code scope()}
     * returned first. Right after a thread ends, the caller may still be in the wait it was woken
     * from, on its way out: only a wait entered afterwards, or one that lasts, shows that the scope
     * is still waiting for something else.
     */
    boolean passAfterEnd(Thread... ended) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long waitsBefore = -1;
        long stableSince = 0;
        while (!released) {
            long now = System.nanoTime();
            if (!returned && allTerminated(ended)) {
                ThreadInfo info = mx.getThreadInfo(caller.getId());
                if (info == null) {
                    return false;
                }
                Thread.State state = info.getThreadState();
                boolean waiting = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
                if (waitsBefore < 0) {
                    waitsBefore = info.getWaitedCount();
                    stableSince = now;
                }
                if (!waiting) {
                    stableSince = now;
                } else if (info.getWaitedCount() > waitsBefore || now - stableSince > STABLE_MILLIS * 1_000_000L) {
                    return !returned;
                }
            }
            if (now - start > MAX_MILLIS * 1_000_000L) {
                return false;
            }
            pause();
        }
        return false;
    }

    /** How long the caller must stay in one wait, after the threads ended, to count as waiting for more. */
    static final long STABLE_MILLIS = 40;

    private static boolean allTerminated(Thread[] threads) {
        for (Thread t : threads) {
            if (t == null || t.getState() != Thread.State.TERMINATED) {
                return false;
            }
        }
        return true;
    }

    /** The caller, for threads that interrupt it. */
    Thread caller() {
        return caller;
    }

    static boolean isWaiting(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.BLOCKED;
    }

    static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
