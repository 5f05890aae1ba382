package fearless.grader.checks.box;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps racing threads in step: before each box, every thread waits (spinning, then yielding)
 * until all have arrived, so they hit the same box within a few hundred nanoseconds. Without it
 * one thread soon runs ahead and the others only ever find boxes already moved, and a
 * check-then-set bug goes unseen. A thread that stops early {@linkplain #leave() leaves}, which
 * releases the others for good, so a failure never turns into a hang.
 */
final class Lockstep {

    private static final int SPINS_BEFORE_YIELD = 200;

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile boolean broken;

    Lockstep(int parties) {
        this.parties = parties;
    }

    /** Waits until every party has arrived at step {@code step} (0, 1, 2, ... in order). */
    void await(int step) {
        int target = parties * (step + 1);
        arrived.incrementAndGet();
        int spins = 0;
        while (arrived.get() < target && !broken) {
            if (++spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /** The calling thread takes no further steps: nobody waits for anyone any more. */
    void leave() {
        broken = true;
    }
}
