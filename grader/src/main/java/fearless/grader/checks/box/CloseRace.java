package fearless.grader.checks.box;

import fearless.api.ownership.Box;
import fearless.api.ownership.BoxProvider;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.opentest4j.AssertionFailedError;

/**
 * One round of racing closes: many boxes, and every thread closes every box, in the same order
 * and in {@link Lockstep}, until the boxes or the time run out. Each value must be dropped exactly
 * once (O3), however many threads close its owner at once.
 */
final class CloseRace implements BoxRace {

    private final Box<String>[] boxes;
    private final AtomicIntegerArray drops;
    private final Lockstep lockstep;

    @SuppressWarnings({"unchecked", "rawtypes"})
    CloseRace(BoxProvider provider, int size, int threads, long deadline) {
        lockstep = new Lockstep(threads, deadline);
        boxes = new Box[size];
        drops = new AtomicIntegerArray(size);
        for (int i = 0; i < size; i++) {
            int index = i;
            boxes[i] = provider.create("v" + i, v -> drops.incrementAndGet(index));
        }
    }

    /** One thread's part: close every box. */
    @Override
    public void play(int thread) {
        try {
            for (int i = 0; i < boxes.length && lockstep.await(i); i++) {
                boxes[i].close();
            }
        } finally {
            lockstep.leave();
        }
    }

    /** After the round: no value dropped twice (one a thread never reached may be dropped zero times). */
    @Override
    public void verify(int threads) {
        for (int i = 0; i < boxes.length; i++) {
            if (drops.get(i) > 1) {
                throw new AssertionFailedError(threads + " threads closed the same box at once and its drop action "
                        + "ran " + drops.get(i) + " times, not once (O3, O7): box #" + i + ".\n"
                        + "Only the close that takes the handle from owning to dropped may run the drop: make that "
                        + "one atomic step (compareAndSet, or synchronized).");
            }
        }
        if (drops.get(0) == 0) {
            throw new AssertionFailedError(threads + " threads closed the same box and its drop action never ran (O3)");
        }
    }

    /** Steps of this round in which the threads really ran at the same time (see {@link Lockstep}). */
    @Override
    public int closeSteps() {
        return lockstep.closeSteps();
    }
}
