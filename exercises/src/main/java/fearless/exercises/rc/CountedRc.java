package fearless.exercises.rc;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.rc.Rc;
import fearless.api.rc.Weak;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Exercise {@code rc}: shared ownership on one thread, Rust's {@code Rc<T>}.
 *
 * <p>Several handles share one value. Each live handle is one strong reference; {@link #cloneRc()}
 * adds one, {@link #close()} removes one, and when the last strong reference is closed the value's
 * drop action runs, exactly once (A1, A2). {@link #downgrade()} makes a {@link Weak}: it counts in
 * the weak count, never keeps the value alive, and upgrades only while a strong reference remains
 * (A5). {@link #tryUnwrap()} takes the value out only from the last strong reference (A3);
 * {@link #getMut} changes it only when nobody else, strong or weak, could look (A4). Every use of
 * a closed or unwrapped handle, except {@code close()}, throws {@code OwnershipError.useAfterMove(...)}
 * (E0382).
 *
 * <p>Rules: A1, A2, A3, A4, A5. Read {@code course-notes/05-rc.md} first.
 *
 * <p>Hints:
 * <ul>
 *   <li>The counts belong to the value, not to a handle: every handle of one value must see the
 *       same numbers. Rust keeps the value and both counts in one shared allocation and lets each
 *       handle point at it; a small class of your own can play that part.</li>
 *   <li>Each handle also needs its own state: is it still live? Closing a handle twice must lower
 *       the count once.</li>
 *   <li>Lower the count to zero before running the drop action: from inside the action, a
 *       {@code Weak} must no longer upgrade.</li>
 *   <li>An {@code Rc} belongs to one thread: plain {@code int} counts are enough.</li>
 * </ul>
 *
 * @param <T> the shared value
 */
public final class CountedRc<T> implements Rc<T> {

    /** A first strong reference to {@code value}; {@code drop} runs when the last strong reference is closed. */
    public CountedRc(T value, Consumer<? super T> drop) {
        // TODO: keep what the handle needs (and what all handles of this value share). Do not throw here.
    }

    /** The shared value. E0382 once this handle is closed or unwrapped. */
    @Override
    public T get() {
        throw new Unimplemented("rc", "course-notes/05-rc.md");
    }

    /** Another strong reference to the same value: strong count + 1 (A1). */
    @Override
    public Rc<T> cloneRc() {
        throw new Unimplemented("rc", "course-notes/05-rc.md");
    }

    /** A weak reference to the value: weak count + 1. */
    @Override
    public Weak<T> downgrade() {
        throw new Unimplemented("rc", "course-notes/05-rc.md");
    }

    /** How many live strong handles the value has (A1). */
    @Override
    public int strongCount() {
        throw new Unimplemented("rc", "course-notes/05-rc.md");
    }

    /** How many live weak handles the value has. */
    @Override
    public int weakCount() {
        throw new Unimplemented("rc", "course-notes/05-rc.md");
    }

    /** Whether both handles share one value (compare the shared part, not the handles). */
    @Override
    public boolean ptrEq(Rc<T> other) {
        throw new Unimplemented("rc", "course-notes/05-rc.md");
    }

    /** {@code Ok(value)} from the only strong reference, without dropping it; else {@code Err(this)} (A3). */
    @Override
    public Result<T, Rc<T>> tryUnwrap() {
        throw new Unimplemented("rc", "course-notes/05-rc.md");
    }

    /** Replaces the value with {@code update}'s result only with no other strong and no weak reference (A4). */
    @Override
    public boolean getMut(UnaryOperator<T> update) {
        throw new Unimplemented("rc", "course-notes/05-rc.md");
    }

    /** One strong reference fewer; the last one drops the value (A2). A second call does nothing. */
    @Override
    public void close() {
        throw new Unimplemented("rc", "course-notes/05-rc.md");
    }
}
