package fearless.grader.checks.box;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps racing threads in step until a deadline: before each box, every thread waits until all
 * have arrived, so they hit the same box at nearly the same moment. Without it one thread soon runs
 * ahead and the others only ever find boxes already moved, and a check-then-set bug goes unseen.
 *
 * <p>A race can only show in a step where the threads really ran at the same time. On a virtual
 * machine with two shared cores that is far from always (measured: from tens of thousands of such
 * steps a second down to none for over a second), so the lockstep counts them: a {@linkplain #closeSteps() close step}
 * is one where a waiting thread saw the others arrive within {@value #CLOSE_NANOS} ns. Checks race
 * until they have seen enough close steps, not for a fixed time.
 *
 * <p>Waiting spins without {@code Thread.onSpinWait()} (a hypervisor may take the core away from a
 * vCPU that pauses in a loop), then yields. After the wait each thread idles for a few random
 * iterations, so which thread reaches the box first varies from step to step. The race ends for
 * everyone at the deadline, or as soon as one thread {@linkplain #leave() leaves} (it failed, or
 * ran out of boxes), so a failure never turns into a hang.
 */
final class Lockstep {

    /** A step counts as close when the last thread arrived within this many nanoseconds of a waiter. */
    static final long CLOSE_NANOS = 2_000;

    private static final int SPINS_BEFORE_YIELD = 1 << 14;
    private static final int JITTER = 8;

    private final int parties;
    private final long deadline;
    private final AtomicInteger arrived = new AtomicInteger();
    private final AtomicInteger closeSteps = new AtomicInteger();
    private volatile boolean over;
    private volatile int sink;

    /** @param deadline in {@link System#nanoTime()} terms */
    Lockstep(int parties, long deadline) {
        this.parties = parties;
        this.deadline = deadline;
    }

    /**
     * Waits until every party has arrived at {@code step} (0, 1, 2, ... in order); false if the
     * race is over instead, and the caller must stop. Step 0 is always raced, even past the deadline.
     */
    boolean await(int step) {
        if (over || step > 0 && System.nanoTime() - deadline > 0) {
            over = true;
            return false;
        }
        int target = parties * (step + 1);
        if (arrived.incrementAndGet() < target) {
            long start = System.nanoTime();
            int spins = 0;
            while (arrived.get() < target) {
                if (over) {
                    return false;
                }
                if (++spins >= SPINS_BEFORE_YIELD) {
                    Thread.yield();
                }
            }
            if (System.nanoTime() - start < CLOSE_NANOS) {
                closeSteps.incrementAndGet();
            }
        }
        int idle = ThreadLocalRandom.current().nextInt(JITTER);
        for (int i = 0; i < idle; i++) {
            sink += i;
        }
        return true;
    }

    /** The calling thread takes no further steps: the race is over for everyone. */
    void leave() {
        over = true;
    }

    /** Steps in which a waiting thread saw the others arrive almost at once. */
    int closeSteps() {
        return closeSteps.get();
    }
}
