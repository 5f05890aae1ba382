package fearless.grader.checks.box;

import fearless.api.OwnershipError;
import fearless.api.ownership.Box;
import fearless.api.ownership.BoxProvider;
import fearless.grader.check.Submission;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One box that threads fight over, as the model checker drives it. Sequentially, the first
 * {@code move} gets the value and every later one gets E0382, a {@code set} or {@code replace}
 * before it swaps the value and one after it gets E0382, and {@code closeAll} finds each value
 * dropped once; any concurrent run whose results no sequential order explains shows a move, a
 * close or an assignment that was not one atomic step (O7, O3).
 *
 * <p>The box is created in a field initializer through the provider's method, inside the code the
 * model checker instruments: that is how it sees races in the submission's code.
 */
public final class ContestedBox {

    private final AtomicInteger drops = new AtomicInteger();
    private final Queue<Box<String>> moved = new ConcurrentLinkedQueue<>();
    private final Box<String> box = Submission.provider(BoxProvider.class).create("v", v -> drops.incrementAndGet());

    /** {@code let mine = box;}: the value if this move won, else the error code. */
    public String move() {
        try {
            Box<String> mine = box.move();
            moved.add(mine);
            return mine.get();
        } catch (OwnershipError e) {
            return "error[" + e.code() + "]";
        }
    }

    /** Drops the box through the original handle (nothing, if it was moved). */
    public void close() {
        box.close();
    }

    /** {@code *box = "w";}: "ok" if the handle took the new value, else the error code. */
    public String set() {
        try {
            box.set("w");
            return "ok";
        } catch (OwnershipError e) {
            return "error[" + e.code() + "]";
        }
    }

    /** {@code let old = mem::replace(&mut *box, "w");}: the old value, kept by the caller, or the error code. */
    public String replace() {
        try {
            return box.replace("w");
        } catch (OwnershipError e) {
            return "error[" + e.code() + "]";
        }
    }

    /** Closes every handle there is; returns how many values were dropped in all. */
    public int closeAll() {
        box.close();
        for (Box<String> mine : moved) {
            mine.close();
        }
        return drops.get();
    }
}
