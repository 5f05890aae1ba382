package fearless.api.rc;

import fearless.api.Result;
import java.util.function.UnaryOperator;

/**
 * Rust's {@code std::rc::Rc<T>}: shared ownership on one thread. Each handle is one strong
 * reference; the value is dropped when the last strong reference is closed.
 *
 * <pre>{@code
 * try (Rc<String> a = rcs.create("hi", v -> log("drop " + v));
 *      Rc<String> b = a.cloneRc()) {      // let b = Rc::clone(&a);
 *     a.strongCount();                    // 2
 * }                                       // b, then a: "drop hi" once, at the last close
 * }</pre>
 *
 * <p>Rules (see {@code course-notes/05-rc.md}):
 * <ul>
 *   <li>A1 {@link #cloneRc()} raises the strong count; closing a handle lowers it;</li>
 *   <li>A2 the value's drop action runs exactly once, when the strong count reaches zero, even if
 *       weak references remain;</li>
 *   <li>A3 {@link #tryUnwrap()} succeeds exactly when the strong count is one;</li>
 *   <li>A4 {@link #getMut} succeeds only with no other strong and no weak reference;</li>
 *   <li>A5 {@link Weak#upgrade()} fails once the strong count is zero.</li>
 * </ul>
 * Every use of a closed or unwrapped handle, except {@link #close()}, is
 * {@link fearless.api.OwnershipError} E0382; passing one to {@link #ptrEq} is a use too. An
 * {@code Rc} is for one thread ({@code !Send}): its counts need not be safe to change from
 * several threads at once.
 *
 * @param <T> the shared value
 */
public interface Rc<T> extends AutoCloseable {

    /** The shared value ({@code *rc}). */
    T get();

    /** Another strong reference to the same value ({@code Rc::clone(&rc)}): strong count + 1 (A1). */
    Rc<T> cloneRc();

    /** A weak reference to the value ({@code Rc::downgrade(&rc)}): weak count + 1. */
    Weak<T> downgrade();

    /** How many strong references (live handles) the value has ({@code Rc::strong_count}). */
    int strongCount();

    /** How many weak references (live {@link Weak} handles) the value has ({@code Rc::weak_count}). */
    int weakCount();

    /** Whether both handles share one value ({@code Rc::ptr_eq}). */
    boolean ptrEq(Rc<T> other);

    /**
     * {@code Ok(value)} if this is the only strong reference ({@code Rc::try_unwrap}): this handle
     * is used up, the value is the caller's and is not dropped, and weak references can no longer
     * upgrade. Otherwise {@code Err} with this very handle, which still owns its share (A3).
     */
    Result<T, Rc<T>> tryUnwrap();

    /**
     * Rust's {@code Rc::get_mut}: if there is no other strong and no weak reference, replaces the
     * value with {@code update}'s result and returns {@code true}; otherwise returns {@code false}
     * and does not call {@code update} (A4). {@code update} takes the old value over (it is not
     * dropped), and the drop action later receives the new one.
     */
    boolean getMut(UnaryOperator<T> update);

    /**
     * Drops this strong reference: strong count - 1, and at zero the value's drop action runs
     * (A2). Does nothing on a handle already closed or unwrapped. The count is zero before the
     * drop action runs, so from inside the action no {@link Weak} upgrades any more (A5). If the
     * action throws, the exception propagates as it is, and the handle and the value stay dropped.
     */
    @Override
    void close();
}
