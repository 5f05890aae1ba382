package fearless.grader.checks.parallel;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A schedule that makes the chunks finish last to first: the thread of each chunk, on its first
 * input, waits until the thread that took the next chunk's first input has ended. With
 * {@code size} a multiple of the chunk count the chunks are known in advance (equal and
 * contiguous), so a computation that puts the parts together as threads finish gets them
 * reversed, every run, while one that joins the handles in order is only slowed down.
 *
 * <p>Nobody waits where waiting could not help: a thread the computation did not spawn, a thread
 * that took the next chunk as well (another chunking), or once the caller waits for a thread
 * with fewer spawned than there are chunks. Every wait ends after {@link Rendezvous#PATIENCE}.
 */
final class LaterChunksFirst {

    /** How long a thread naps between looks for the thread of the next chunk. */
    private static final long NAP_NANOS = 200_000;

    private final WatchedThreads threads;
    private final int chunkLength;
    private final int chunks;
    private final AtomicReferenceArray<Thread> seenBy;

    LaterChunksFirst(WatchedThreads threads, int size, int chunks) {
        this.threads = threads;
        this.chunks = chunks;
        this.chunkLength = size / chunks;
        this.seenBy = new AtomicReferenceArray<>(size);
    }

    /** Called on the thread that works on input {@code index}, before the work. */
    void visit(int index) {
        Thread me = Thread.currentThread();
        seenBy.compareAndSet(index, null, me);
        int next = index + chunkLength;
        if (index % chunkLength != 0 || next >= seenBy.length() || !threads.kit().isSpawnedThread(me)) {
            return;
        }
        long deadline = System.nanoTime() + Rendezvous.PATIENCE.toNanos();
        while (System.nanoTime() - deadline < 0 && !threads.joinedBeforeSpawning(chunks)) {
            Thread successor = seenBy.get(next);
            if (successor == me) {
                return;
            }
            if (successor != null) {
                joinQuietly(successor, deadline);
                return;
            }
            LockSupport.parkNanos(NAP_NANOS);
        }
    }

    private static void joinQuietly(Thread thread, long deadline) {
        long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (left <= 0) {
            return;
        }
        try {
            thread.join(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
