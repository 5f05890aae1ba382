package fearless.grader.checks.parallel;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Eight inputs on four threads, so four chunks of two: {@code [0, 1] [2, 3] [4, 5] [6, 7]}. The
 * second chunk fails on input 3 and the third on input 4, but the third fails first: input 3
 * waits until the third chunk's thread has ended. The last chunk succeeds slowly: input 6 waits
 * until the caller joins its thread, so a computation that throws before joining every thread
 * leaves that one running, every run. The first chunk succeeds at once.
 *
 * <p>No wait is unbounded: each also ends once the caller has waited for a thread with fewer than
 * four spawned (a computation that joins each chunk before starting the next), when the check has
 * received the outcome, or after {@link Rendezvous#PATIENCE}; the last chunk's also when the
 * caller waits for something other than a join. Ending a wait early never fails a correct
 * computation: the checks count unjoined threads through the kit, whatever the timing.
 */
final class FailingChunks {

    static final int SIZE = 8;
    static final int THREADS = 4;

    /** The input on which the second chunk fails: its failure is the one to report. */
    static final int FIRST_FAILURE = 3;

    /** The input on which the third chunk fails, before the second does. */
    static final int LATER_FAILURE = 4;

    /** The input on which the last chunk waits for its join. */
    static final int SLOW = 6;

    private static final long NAP_NANOS = 200_000;

    private final WatchedThreads threads;
    private final RuntimeException first;
    private final RuntimeException later;
    private final Thread caller;
    private volatile Thread laterThread;
    private volatile boolean over;

    /**
     * Chunks failing with {@code first} (on input 3) and {@code later} (on input 4, earlier in
     * time), for a computation called from the current thread.
     */
    FailingChunks(WatchedThreads threads, RuntimeException first, RuntimeException later) {
        this.threads = threads;
        this.caller = Thread.currentThread();
        this.first = first;
        this.later = later;
    }

    /** The work on one input, on whatever thread the computation runs it. */
    int work(int index) {
        switch (index) {
            case FIRST_FAILURE -> {
                awaitLaterFailure();
                throw first;
            }
            case LATER_FAILURE -> {
                laterThread = Thread.currentThread();
                throw later;
            }
            case SLOW -> {
                Thread me = Thread.currentThread();
                await(() -> threads.joinBegan(me) || waitsWithoutJoining());
                return index;
            }
            default -> {
                return index;
            }
        }
    }

    /** The check has the outcome: nobody waits any more. */
    void over() {
        over = true;
    }

    /**
     * Whether the caller waits for something other than a join (a latch of its own, say): then it
     * will not join this thread either, and holding it back proves nothing more.
     */
    private boolean waitsWithoutJoining() {
        Thread.State state = caller.getState();
        boolean waiting = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
        return waiting && !threads.joining() && caller.getState() != Thread.State.RUNNABLE;
    }

    private void awaitLaterFailure() {
        await(() -> laterThread != null && !laterThread.isAlive());
    }

    private void await(BooleanSupplier done) {
        long deadline = System.nanoTime() + Rendezvous.PATIENCE.toNanos();
        while (!done.getAsBoolean() && !over && !threads.joinedBeforeSpawning(THREADS)
                && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(NAP_NANOS);
        }
    }
}
