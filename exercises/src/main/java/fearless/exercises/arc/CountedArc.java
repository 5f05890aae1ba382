package fearless.exercises.arc;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.sync.Arc;
import fearless.api.sync.Weak;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Exercise {@code arc}: shared ownership across threads, Rust's {@code Arc<T>}.
 *
 * <p>This is the {@code rc} exercise again, made safe for threads. Several handles share one
 * value; each live handle is one strong reference. {@link #cloneArc()} adds one, {@link #close()}
 * removes one, and when the last strong reference is closed the value's drop action runs, exactly
 * once, on the thread that closed it (A1, A2). {@link #downgrade()} makes a {@link Weak}, which
 * never keeps the value alive and upgrades only while a strong reference remains (A5).
 * {@link #tryUnwrap()} takes the value out only from the last strong reference (A3);
 * {@link #getMut} changes it only when nobody else, strong or weak, could look (A4). Every use of
 * a closed or unwrapped handle, except {@code close()}, throws
 * {@code OwnershipError.useAfterMove(...)} (E0382).
 *
 * <p>What is new is A6: many threads clone, upgrade and close handles of the same value at the
 * same time (each thread its own handles), and still no count is lost, the value is dropped once,
 * never while a handle owns it, and never left undropped.
 *
 * <p>Rules: A1-A6. Read {@code course-notes/09-shared-state.md} first.
 *
 * <p>Hints:
 * <ul>
 *   <li>As in {@code rc}, the counts belong to the value, in one object every handle points at;
 *       each handle keeps only whether it is still live (a handle has one owner thread).</li>
 *   <li>{@code count = count - 1} is a read and a write: two threads closing at once can both read
 *       2. Make every change of a count one atomic step ({@code java.util.concurrent.atomic}), or
 *       make all of them under one lock per value.</li>
 *   <li>The thread whose decrement reaches zero, and only that one, drops the value: decide on
 *       the result of the decrement itself, not on a second read of the count.</li>
 *   <li>An upgrade must raise the count only if it is not zero, and {@code tryUnwrap} must go from
 *       exactly 1 to 0: a test followed by a separate write lets another thread in between. Look
 *       up {@code compareAndSet}.</li>
 * </ul>
 *
 * @param <T> the shared value
 */
public final class CountedArc<T> implements Arc<T> {

    /** A first strong reference to {@code value}; {@code drop} runs when the last strong reference is closed (A2). */
    static <T> Arc<T> create(T value, Consumer<? super T> drop) {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    /** The shared value. E0382 once this handle is closed or unwrapped. */
    @Override
    public T get() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    /** Another strong reference to the same value: strong count + 1, safe while other threads close theirs (A1, A6). */
    @Override
    public Arc<T> cloneArc() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    /** A weak reference to the value: weak count + 1. */
    @Override
    public Weak<T> downgrade() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    /** How many live strong handles the value has (A1). */
    @Override
    public int strongCount() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    /** How many live weak handles the value has. */
    @Override
    public int weakCount() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    /** Whether both handles share one value (compare the shared part, not the handles or the values). */
    @Override
    public boolean ptrEq(Arc<T> other) {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    /** Ok(value) from the only strong reference, without dropping it; otherwise Err(this very handle) (A3). */
    @Override
    public Result<T, Arc<T>> tryUnwrap() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    /** Replaces the value with {@code update}'s result only with no other strong and no weak reference (A4). */
    @Override
    public boolean getMut(UnaryOperator<T> update) {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    /** Strong count - 1; the thread that takes it to zero runs the drop action, after the count is zero (A2, A5). */
    @Override
    public void close() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }
}
