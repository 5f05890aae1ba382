package fearless.api.cell;

import fearless.api.Result;
import java.util.function.Supplier;

/**
 * Rust's {@code std::cell::RefCell<T>}: a value whose borrows are counted at run time. Where the
 * borrow checker would refuse a program at compile time, a {@code RefCell} panics at run time
 * (or, through the {@code try} forms, returns an error value).
 *
 * <pre>{@code
 * RefCell<List<String>> c = cells.create(new ArrayList<>());
 * try (Ref<List<String>> r1 = c.borrow(); Ref<List<String>> r2 = c.borrow()) {
 *     c.tryBorrowMut();            // Err(BorrowMutError)
 *     c.borrowMut();               // would panic: RefCell already borrowed
 * }
 * try (RefMut<List<String>> m = c.borrowMut()) {
 *     m.get().add("x");
 * }
 * }</pre>
 *
 * <p>Rules (see {@code course-notes/04-refcell.md}):
 * <ul>
 *   <li>B1 any number of shared borrows ({@link Ref}) may live at once;</li>
 *   <li>B2 a mutable borrow ({@link RefMut}) excludes every other: {@link #borrow()} while it
 *       lives panics, and so does {@link #borrowMut()} while any borrow lives;</li>
 *   <li>B3 {@link #tryBorrow()} and {@link #tryBorrowMut()} return an error value instead;</li>
 *   <li>B4 closing a handle releases its borrow; a handle that is never closed keeps the cell
 *       borrowed;</li>
 *   <li>B5 {@link Ref#cloneRef()} counts as one more shared borrow;</li>
 *   <li>B6 {@link #replace}, {@link #swap} and {@link #take} panic while the cell is borrowed;</li>
 *   <li>B7 the cell is not thread-safe ({@code !Sync}): it belongs to the thread that created it,
 *       and every call from another thread, on the cell or on its handles (closed or not), is
 *       {@link fearless.api.OwnershipError} E0277 and changes nothing.</li>
 * </ul>
 *
 * <p>A panic is a {@link fearless.api.Panic} whose message is Rust's own (rustc 1.95):
 * {@code RefCell already mutably borrowed} from {@link #borrow()}, {@code RefCell already borrowed}
 * from every other method. A call that panics changes nothing: the value and the borrows stay as
 * they were.
 *
 * <p>Rust also lets a {@code RefCell} move to another thread (it is {@code Send} when {@code T}
 * is); the kit has no way to move a cell, so it keeps every cell on the thread that created it.
 *
 * @param <T> the value inside
 */
public interface RefCell<T> {

    /** A shared borrow ({@code c.borrow()}). Panics "RefCell already mutably borrowed" while a {@link RefMut} lives. */
    Ref<T> borrow();

    /** A mutable borrow ({@code c.borrow_mut()}). Panics "RefCell already borrowed" while any borrow lives. */
    RefMut<T> borrowMut();

    /** {@code Ok(ref)}, or {@code Err(BorrowError)} while a {@link RefMut} lives. Never panics (B3). */
    Result<Ref<T>, BorrowError> tryBorrow();

    /** {@code Ok(refMut)}, or {@code Err(BorrowMutError)} while any borrow lives. Never panics (B3). */
    Result<RefMut<T>, BorrowMutError> tryBorrowMut();

    /** Puts {@code value} in the cell and returns the old one ({@code c.replace(v)}). Panics while borrowed (B6). */
    T replace(T value);

    /**
     * Swaps the values of two cells ({@code a.swap(&b)}). Panics while either is borrowed (B6),
     * and on {@code a.swap(a)}, as Rust's does: the swap borrows both cells mutably, so the same
     * cell twice is already borrowed.
     */
    void swap(RefCell<T> other);

    /**
     * Takes the value out and leaves {@code defaultValue}'s in its place ({@code c.take()}; Java
     * has no {@code Default}, so the caller supplies it). Panics while borrowed (B6).
     */
    T take(Supplier<? extends T> defaultValue);
}
