package fearless.grader.checks.parallel;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A meeting point that proves threads were alive at the same time: each spawned thread, the first
 * time it comes here, waits until {@code parties} different threads have come. Threads that run
 * one after the other never all meet: the first one gives up, as soon as {@code hopeless} says
 * the missing ones cannot come (the caller is already waiting for a thread, with fewer spawned),
 * or at the latest after its patience ({@link #PATIENCE} unless told), and from then on nobody waits here.
 *
 * <p>A thread that the computation did not spawn (the caller doing some of the work itself) is
 * counted but never waits: holding the caller would stop it spawning the rest.
 */
final class Rendezvous {

    /**
     * The longest a thread waits for the others. Threads spawned back to back arrive within
     * milliseconds, and within a few hundred on a busy machine; only a computation that keeps its
     * threads from overlapping in some way the quick test does not see takes this long to fail.
     */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    private static final long SLICE_MILLIS = 5;

    private final int parties;
    private final Duration patience;
    private final BooleanSupplier hopeless;
    private final BooleanSupplier spawned;
    private final Set<Thread> arrived = new HashSet<>();
    private boolean broken;

    /**
     * @param parties how many threads must meet
     * @param hopeless whether the missing threads can no longer come
     * @param spawned whether the calling thread is one the computation spawned
     */
    Rendezvous(int parties, BooleanSupplier hopeless, BooleanSupplier spawned) {
        this(parties, PATIENCE, hopeless, spawned);
    }

    /** As {@link #Rendezvous(int, BooleanSupplier, BooleanSupplier)}, each thread waiting at most {@code patience}. */
    Rendezvous(int parties, Duration patience, BooleanSupplier hopeless, BooleanSupplier spawned) {
        this.parties = parties;
        this.patience = patience;
        this.hopeless = hopeless;
        this.spawned = spawned;
    }

    /** Arrives, the first time for this thread, and waits for the others (see the class comment). */
    void arrive() {
        boolean waits = spawned.getAsBoolean();
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (this) {
            if (broken || arrived.size() >= parties || !arrived.add(Thread.currentThread())) {
                return;
            }
            notifyAll();
            while (waits && !broken && arrived.size() < parties) {
                if (hopeless.getAsBoolean() || System.nanoTime() - deadline >= 0) {
                    broken = true;
                    notifyAll();
                    return;
                }
                try {
                    wait(SLICE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    broken = true;
                    return;
                }
            }
        }
    }

    /** Whether every party met. */
    synchronized boolean met() {
        return !broken && arrived.size() >= parties;
    }

    /** How many different threads came before the meeting was given up (or met). */
    synchronized int arrivals() {
        return arrived.size();
    }
}
