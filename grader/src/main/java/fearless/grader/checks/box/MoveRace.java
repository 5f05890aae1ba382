package fearless.grader.checks.box;

import fearless.grader.check.Safely;
import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import fearless.api.ownership.Box;
import fearless.api.ownership.BoxProvider;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.opentest4j.AssertionFailedError;

/**
 * One round of racing moves: many boxes, and every thread tries to move every box, in the same
 * order and in {@link Lockstep}, so the threads collide on each box, until the boxes or the time
 * run out. Exactly one move per box may win (O7); the winner's handle then drops the value once,
 * and the moved-from handle never does (O3).
 */
final class MoveRace implements BoxRace {

    private final Box<String>[] boxes;
    private final AtomicReferenceArray<Box<String>> winners;
    private final AtomicReferenceArray<String> winnerThreads;
    private final AtomicIntegerArray drops;
    private final Lockstep lockstep;
    private final AtomicIntegerArray attempted;
    private volatile String doubleWin;

    @SuppressWarnings({"unchecked", "rawtypes"})
    MoveRace(BoxProvider provider, int size, int threads, long deadline) {
        lockstep = new Lockstep(threads, deadline);
        boxes = new Box[size];
        winners = new AtomicReferenceArray<>(size);
        winnerThreads = new AtomicReferenceArray<>(size);
        attempted = new AtomicIntegerArray(size);
        drops = new AtomicIntegerArray(size);
        for (int i = 0; i < size; i++) {
            int index = i;
            boxes[i] = provider.create("v" + i, v -> drops.incrementAndGet(index));
        }
    }

    /** One thread's part: move every box; a lost race must be E0382. */
    @Override
    public void play(int thread) {
        try {
            moveInStep();
        } finally {
            lockstep.leave();
        }
    }

    private void moveInStep() {
        String me = Thread.currentThread().getName();
        for (int i = 0; i < boxes.length && lockstep.await(i); i++) {
            attempted.set(i, 1);
            Box<String> moved;
            try {
                moved = boxes[i].move();
            } catch (OwnershipError e) {
                if (e.code() != ErrorCode.E0382) {
                    throw new AssertionFailedError("a thread that lost the race to move a box got error["
                            + e.code() + "], not error[E0382] (O7): " + Safely.message(e));
                }
                continue;
            }
            if (winnerThreads.compareAndSet(i, null, me)) {
                winners.set(i, moved);
            } else if (doubleWin == null) {
                doubleWin = "box #" + i + " was moved by \"" + winnerThreads.get(i) + "\" and by \"" + me + "\"";
            }
        }
    }

    /** After the round: one winner per box some thread tried to move, then one drop per value. */
    @Override
    public void verify(int threads) {
        if (doubleWin != null) {
            throw new AssertionFailedError(threads + " threads raced to move the same box and more than one of "
                    + "them won, so the value had two owners (O7, O1): " + doubleWin + ", both got a live handle.\n"
                    + "A move must check that the handle owns its value and mark it moved in one atomic step "
                    + "(compareAndSet, or synchronized); checking, then setting, lets two threads through.");
        }
        int tried = 0;
        while (tried < boxes.length && attempted.get(tried) != 0) {
            tried++;
        }
        for (int i = 0; i < tried; i++) {
            if (winnerThreads.get(i) == null) {
                throw new AssertionFailedError(threads + " threads raced to move box #" + i
                        + " and none of them won: every move failed (O7). Exactly one must get the value.");
            }
            if (boxes[i].isOwner()) {
                throw new AssertionFailedError("after box #" + i + " was moved by a racing thread, the old handle "
                        + "still says isOwner() == true (O2, O7)");
            }
        }
        for (int i = 0; i < tried; i++) {
            boxes[i].close();
            winners.get(i).close();
            if (drops.get(i) != 1) {
                throw new AssertionFailedError("after racing moves, closing the old and the new handle of box #" + i
                        + " dropped its value " + drops.get(i) + " times, not once (O3, O7)");
            }
        }
    }

    /** Steps of this round in which the threads really ran at the same time (see {@link Lockstep}). */
    @Override
    public int closeSteps() {
        return lockstep.closeSteps();
    }
}
