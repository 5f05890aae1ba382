package fearless.exercises.box;

import fearless.api.Unimplemented;
import fearless.api.ownership.Box;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Exercise {@code box}: an owning handle, Rust's {@code Box<T>}.
 *
 * <p>Build a handle that owns one value and runs the value's drop action when it is closed. A
 * value has exactly one owner: {@link #move()} hands it to a new handle and kills this one, and
 * from then on every use of this handle ({@code get}, {@code move}, {@code cloneWith}, {@code set},
 * {@code replace}) throws {@code OwnershipError.useAfterMove(...)} (E0382) with one plain sentence
 * saying whether the Box was moved or dropped. {@link #close()} runs the drop action exactly once,
 * and never on a handle that was moved from, so try-with-resources is always safe. {@link #set}
 * assigns a new value and drops the old one ({@code *b = v;}); {@link #replace} assigns a new value
 * and hands the old one back, dropping nothing ({@code std::mem::replace}).
 *
 * <p>Rules: O1, O2, O3, O5, O7. Read {@code course-notes/01-ownership.md} first.
 *
 * <p>Hints:
 * <ul>
 *   <li>One piece of state says where the handle is in its life: owning, moved or dropped. Every
 *       method looks at it first.</li>
 *   <li>O7: two threads may call {@code move()} on the same handle at once, and exactly one may
 *       win. {@code if (owned) { owned = false; ... }} lets both in: make the test and the set one
 *       atomic step ({@code AtomicReference.compareAndSet}, or {@code synchronized}).</li>
 *   <li>{@code close()} needs the same care: two racing closes must still drop once.</li>
 *   <li>Mark the handle dead before running the drop action: the action may look at the handle,
 *       or throw, and either way the handle must already be dropped.</li>
 *   <li>{@code set} and {@code replace} change the value, and a racing {@code move()} or
 *       {@code close()} must not take the same old value as they do: keep the value and the
 *       state together (an immutable pair behind one {@code AtomicReference}, swapped with
 *       {@code compareAndSet}), or guard both with {@code synchronized}.</li>
 *   <li>{@code set}: put the new value in first, then drop the old one, so a drop action that
 *       throws leaves the new value in place.</li>
 * </ul>
 *
 * @param <T> the owned value
 */
public final class OwnedBox<T> implements Box<T> {

    // Suggested state (your choice): the drop action, and one AtomicReference to a small immutable
    // record of "owned / moved / dropped" and the value, replaced as a whole.

    /** A new owner of {@code value}; {@code drop} runs when this owner (or the one it moves to) is closed. */
    public OwnedBox(T value, Consumer<? super T> drop) {
        // TODO: keep what the handle needs. Do not throw here.
    }

    /** The owned value. E0382 once this handle is moved or dropped (O2). */
    @Override
    public T get() {
        throw new Unimplemented("box", "course-notes/01-ownership.md");
    }

    /** Hands the value to a new handle and kills this one, atomically (O2, O7). */
    @Override
    public Box<T> move() {
        throw new Unimplemented("box", "course-notes/01-ownership.md");
    }

    /** A new, independent owner of {@code cloner}'s copy, with the same drop action (O5). */
    @Override
    public Box<T> cloneWith(UnaryOperator<T> cloner) {
        throw new Unimplemented("box", "course-notes/01-ownership.md");
    }

    /** {@code *b = value;}: owns {@code value} from now on, and drops the old value (O3). E0382 if dead. */
    @Override
    public void set(T value) {
        throw new Unimplemented("box", "course-notes/01-ownership.md");
    }

    /** {@code std::mem::replace}: owns {@code value} from now on, and returns the old value undropped (O3). */
    @Override
    public T replace(T value) {
        throw new Unimplemented("box", "course-notes/01-ownership.md");
    }

    /** Whether this handle still owns its value (O1). */
    @Override
    public boolean isOwner() {
        throw new Unimplemented("box", "course-notes/01-ownership.md");
    }

    /** Runs the drop action once; does nothing on a moved-from or dropped handle (O3). */
    @Override
    public void close() {
        throw new Unimplemented("box", "course-notes/01-ownership.md");
    }
}
