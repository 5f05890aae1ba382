package fearless.grader.checks.threadmove;

import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.ownership.Box;
import fearless.api.thread.JoinHandle;
import fearless.grader.check.Safely;
import fearless.grader.checks.kit.KitBoxes.Drop;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * One round of a {@code spawnAll} of four boxes racing another thread that closes the last of
 * them. Rust rules this race out; the kit asks that no value is lost or dropped twice: either
 * the spawn wins and the thread owns and drops all four, or it is E0382, no thread starts, and
 * every value is still dropped exactly once (T3, O3).
 */
final class CloseRace {

    static final int BOXES = 4;

    private final Rig rig = new Rig();
    private final List<String> values = new ArrayList<>();
    private final List<Box<String>> boxes = new ArrayList<>();
    private final int yields;
    private volatile JoinHandle<Integer> handle;
    private volatile Throwable refused;
    private volatile int liveInBody = -1;

    /** @param yields how many times the spawning thread yields first, so both orders of the race occur */
    CloseRace(int yields) {
        this.yields = yields;
        for (int i = 0; i < BOXES; i++) {
            values.add(Rig.value("v" + i));
            boxes.add(rig.box(values.get(i)));
        }
    }

    /** Thread 0 spawns a thread moving all four boxes; thread 1 closes the last one. */
    void play(int thread) {
        if (thread == 1) {
            boxes.get(BOXES - 1).close();
            return;
        }
        for (int i = 0; i < yields; i++) {
            Thread.yield();
        }
        try {
            handle = rig.spawner.spawnAll(boxes, mine -> {
                int live = 0;
                for (Box<String> b : mine) {
                    live += b.isOwner() ? 1 : 0;
                }
                liveInBody = live;
                return live;
            });
        } catch (Unimplemented stub) {
            throw stub;
        } catch (RuntimeException e) {
            refused = e;
        }
    }

    void verify() {
        if (handle != null) {
            Result<Integer, Object> joined = rig.join(handle, "spawnAll(boxes, body)");
            if (!joined.isOk() || liveInBody != BOXES) {
                throw new AssertionFailedError("spawnAll raced another thread closing one of its boxes, returned a "
                        + "JoinHandle, and yet its thread did not get " + BOXES + " live handles: it got " + liveInBody
                        + " (join gave " + Rig.show(joined) + "). All or nothing: if a box died before it was moved, "
                        + "spawnAll must be E0382 and start no thread (T3, O2)");
            }
            for (int i = 0; i < BOXES; i++) {
                boxes.get(i).close();
            }
            requireOnce("spawnAll won the race, so the thread owned every value and had to drop each one once",
                    true);
            return;
        }
        if (!(refused instanceof OwnershipError e && e.code() == ErrorCode.E0382)) {
            throw new AssertionFailedError("spawnAll racing a close of one of its boxes must either succeed or be "
                    + "E0382; it threw " + (refused == null ? "nothing and returned null" : Safely.describe(refused))
                    + " (O2)");
        }
        if (rig.threads.spawnCount() != 0) {
            throw new AssertionFailedError("spawnAll was E0382 (a box was closed by another thread), yet it started "
                    + rig.threads.spawnCount() + " thread(s): all or nothing (T3, O2)");
        }
        for (int i = 0; i < BOXES; i++) {
            boxes.get(i).close();
        }
        requireOnce("spawnAll was E0382 because another thread closed a box first; the values it had already moved "
                + "are its own and must be dropped, as a panicking Rust function drops what it owns, not lost", false);
    }

    private void requireOnce(String why, boolean onTheThread) {
        for (int i = 0; i < BOXES; i++) {
            List<Drop> drops = rig.dropsOf(values.get(i));
            if (drops.size() != 1) {
                throw new AssertionFailedError("a value was " + (drops.isEmpty() ? "never dropped: lost" : "dropped "
                        + drops.size() + " times") + " (O3, T3): " + why + ". Box #" + i + "\n" + rig.dropLog());
            }
            if (onTheThread && !rig.threads.isSpawnedThread(drops.get(0).thread())) {
                throw new AssertionFailedError(why + ", but box #" + i + "'s value was dropped "
                        + rig.where(drops.get(0)) + " (T3)");
            }
        }
    }
}
