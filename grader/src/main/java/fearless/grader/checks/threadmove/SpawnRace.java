package fearless.grader.checks.threadmove;

import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.ownership.Box;
import fearless.api.thread.JoinHandle;
import fearless.grader.check.Safely;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.opentest4j.AssertionFailedError;

/**
 * One round of two threads racing to spawn-move the same boxes, box by box and in step (each
 * waits for the other before the next box), like two {@code thread::spawn(move || ..)} of one
 * value: exactly one may win each box, the other gets E0382, and the value is dropped once (T3, O7).
 */
final class SpawnRace {

    /** Boxes per round. */
    static final int BOXES = 8;

    private static final int THREADS = 2;
    private static final int SPINS_BEFORE_YIELD = 1 << 10;

    private final Rig rig = new Rig();
    private final String[] values = new String[BOXES];
    private final Box<String>[] boxes;
    private final AtomicReferenceArray<JoinHandle<Integer>> won = new AtomicReferenceArray<>(BOXES * THREADS);
    private final AtomicIntegerArray bodies = new AtomicIntegerArray(BOXES);
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile boolean over;

    @SuppressWarnings("unchecked")
    SpawnRace() {
        boxes = new Box[BOXES];
        for (int i = 0; i < BOXES; i++) {
            values[i] = Rig.value("v" + i);
            boxes[i] = rig.box(values[i]);
        }
    }

    /** One thread's part: spawn a thread moving each box in turn; a lost race must be E0382. */
    void play(int thread) {
        try {
            for (int i = 0; i < BOXES && await(i); i++) {
                try {
                    int box = i;
                    won.set(i * THREADS + thread, rig.spawner.spawn(boxes[i], mine -> {
                        bodies.incrementAndGet(box);
                        return mine.get().length();
                    }));
                } catch (Unimplemented stub) {
                    throw stub;
                } catch (OwnershipError e) {
                    if (e.code() != ErrorCode.E0382) {
                        throw new AssertionFailedError("a thread that lost the race to spawn-move a box got error["
                                + e.code() + "], not error[E0382] (O7): " + Safely.message(e));
                    }
                }
            }
        } finally {
            over = true;
        }
    }

    /** Waits until both threads reached box {@code step}; false if the other one left. */
    private boolean await(int step) {
        int target = THREADS * (step + 1);
        arrived.incrementAndGet();
        int spins = 0;
        while (arrived.get() < target) {
            if (over) {
                return false;
            }
            if (++spins >= SPINS_BEFORE_YIELD) {
                Thread.yield();
            }
        }
        return true;
    }

    /** After both threads: one winner per box, one body run per box, one drop per value. */
    void verify() {
        for (int i = 0; i < BOXES; i++) {
            JoinHandle<Integer> first = won.get(i * THREADS);
            JoinHandle<Integer> second = won.get(i * THREADS + 1);
            if (first != null && second != null) {
                throw new AssertionFailedError("two threads raced to spawn a thread moving the same box, and both "
                        + "spawns succeeded: the value had two owners (T3, O7). A value can be moved into one thread "
                        + "only: move it on the caller, with the box's own atomic move(), before the thread starts; the "
                        + "loser must get E0382 (box #" + i + ")");
            }
            if (first == null && second == null) {
                throw new AssertionFailedError("two threads raced to spawn a thread moving box #" + i + ", and both "
                        + "got E0382: exactly one must win (O7)");
            }
            JoinHandle<Integer> winner = first != null ? first : second;
            Result<Integer, Object> joined = rig.join(winner, "spawn(box, mine -> mine.get().length())");
            if (!joined.isOk()) {
                throw new AssertionFailedError("the thread that won the race for box #" + i + " must own its value: "
                        + "join() must give Ok(2), but it gave " + Rig.show(joined) + " (T3)");
            }
            boxes[i].close();
            int drops = rig.dropsOf(values[i]).size();
            if (drops != 1) {
                throw new AssertionFailedError("after two threads raced to spawn-move box #" + i + ", its value was "
                        + "dropped " + drops + " times, not once (O3, O7)\n" + rig.dropLog());
            }
            if (bodies.get(i) != 1) {
                throw new AssertionFailedError("two threads raced to spawn-move box #" + i + ", and a body ran "
                        + bodies.get(i) + " times with it: exactly one thread may own the value (T3, O7)");
            }
        }
    }
}
