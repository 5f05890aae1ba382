package fearless.api.ownership;

import java.util.function.UnaryOperator;

/**
 * An owning handle, Rust's {@code Box<T>}: exactly one live handle owns the value, and when that
 * owner is dropped ({@link #close()}) the value's drop action runs, exactly once.
 *
 * <pre>{@code
 * try (Box<String> s1 = boxes.create("hello", v -> log("drop " + v));
 *      Box<String> s2 = s1.move()) {   // let s2 = s1;
 *     s1.get();                        // error[E0382]: use of moved value
 * }                                    // s2 drops "hello"; s1 is moved-from: closing it does nothing
 * }</pre>
 *
 * <p>Rules (see {@code course-notes/01-ownership.md}):
 * <ul>
 *   <li>O1 a value has exactly one owner at a time;</li>
 *   <li>O2 {@link #move()} transfers ownership; every later use of the old handle is E0382;</li>
 *   <li>O3 {@link #close()} runs the drop action exactly once; closing again, or closing a
 *       moved-from handle, does nothing; {@link #set} drops the old value, as an assignment does
 *       in Rust, and {@link #replace} hands it back instead;</li>
 *   <li>O5 {@link #cloneWith} makes an independent owner of an independent copy, with its own drop;</li>
 *   <li>O7 moving is atomic: of two threads racing to move the same handle, exactly one wins and
 *       the other gets E0382.</li>
 * </ul>
 * "Use" means {@link #get()}, {@link #move()}, {@link #cloneWith}, {@link #set} and
 * {@link #replace}; a dead handle answers each with {@link fearless.api.OwnershipError} code
 * {@link fearless.api.ErrorCode#E0382}.
 * Moving, closing, {@link #set} and {@link #replace} each take the value out of the handle in one
 * atomic step: racing one another on several threads, they act one after the other, so every
 * value the handle ever held is handed on or dropped once, never twice. In Rust they cannot race
 * at all ({@code set} and {@code replace} need {@code &mut b}, which excludes every other use);
 * the kit asks for the atomic step because Java cannot refuse the race.
 * A {@link #get()} or {@link #cloneWith} racing {@link #close()}, {@link #set} or {@link #replace}
 * on another thread may see the old value while it is being dropped or handed back: in Rust a
 * borrow keeps the value alive until the borrow ends, which no Java type can enforce, so that race
 * is left undefined.
 *
 * @param <T> the owned value
 */
public interface Box<T> extends AutoCloseable {

    /** The owned value (Rust's {@code *b}). E0382 if this handle was moved or dropped. */
    T get();

    /**
     * Moves the value to a new owner and returns it ({@code let b2 = b1;}). This handle is dead
     * from then on; the new one runs the drop action when it is closed. E0382 if already dead.
     */
    Box<T> move();

    /**
     * An independent owner of a copy made by {@code cloner}, with the same drop action (Rust's
     * {@code clone()}). Both handles are then dropped separately: two drops. E0382 if dead, and
     * {@code cloner} is not called. If {@code cloner} throws, the exception propagates as it is and
     * this handle still owns its value.
     */
    Box<T> cloneWith(UnaryOperator<T> cloner);

    /**
     * Assigns a new value ({@code *b = value;}): this handle owns {@code value} from then on, and
     * the drop action runs once on the old value before {@code set} returns. The handle owns {@code value} before that drop
     * action runs, so if the action throws, the exception propagates as it is and the handle keeps
     * {@code value} (in Rust the new value is written even when the old one's drop panics).
     * E0382 if this handle is dead: nothing is dropped, and {@code value} stays the caller's.
     */
    void set(T value);

    /**
     * Puts {@code value} in the box and hands the old value back, dropping nothing (Rust's
     * {@code std::mem::replace(&mut *b, value)}): the caller owns the old value from then on, and
     * this handle drops {@code value} when it is closed. E0382 if this handle is dead.
     */
    T replace(T value);

    /** Whether this handle still owns its value (neither moved nor dropped). */
    boolean isOwner();

    /**
     * Drops the value: runs the drop action once. Does nothing on a handle that was moved from
     * or already dropped, so try-with-resources is always safe. The handle is dead before the drop
     * action runs: seen from the action itself, or from another thread meanwhile, it owns nothing
     * and every use is E0382. If the action throws, the exception propagates as it is and the
     * handle stays dropped: closing it again does not run the action again.
     */
    @Override
    void close();
}
