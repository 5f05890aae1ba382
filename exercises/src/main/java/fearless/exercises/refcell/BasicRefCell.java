package fearless.exercises.refcell;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.cell.BorrowError;
import fearless.api.cell.BorrowMutError;
import fearless.api.cell.Ref;
import fearless.api.cell.RefCell;
import fearless.api.cell.RefMut;
import java.util.function.Supplier;

/**
 * Exercise {@code ref-cell}: a borrow-checked cell, Rust's {@code RefCell<T>}.
 *
 * <p>Build a cell that counts its borrows at run time. Any number of shared borrows
 * ({@link Ref}) may live at once (B1); the mutable borrow ({@link RefMut}) excludes every other
 * (B2), in Rust's own words:
 * <ul>
 *   <li>{@code borrow()} while the RefMut lives: {@code throw new Panic("RefCell already mutably borrowed");}</li>
 *   <li>{@code borrowMut()} while any borrow lives: {@code throw new Panic("RefCell already borrowed");}</li>
 * </ul>
 * The {@code try} forms answer with {@code Result.err(..)} instead (B3). Closing a handle releases its borrow, once (B4); a cloned {@code Ref} is one more
 * borrow (B5); {@code replace}, {@code swap} and {@code take} panic while the cell is borrowed
 * (B6). A closed handle answers every use with {@code OwnershipError.useAfterMove(..)} (E0382).
 * The cell belongs to the thread that created it: every call from another thread, on the cell or
 * on a handle, throws {@code new OwnershipError(ErrorCode.E0277, ..)} and changes nothing (B7).
 *
 * <p>Rules: B1-B7. Read {@code course-notes/04-refcell.md} first.
 *
 * <p>Hints:
 * <ul>
 *   <li>Rust keeps one number per cell: how many shared borrows live, or a special value while
 *       the mutable one lives. Every borrow looks at it, every close changes it back.</li>
 *   <li>The handles are small classes of their own (inner classes can reach the cell's private
 *       fields). Each remembers whether it still holds its borrow: closing twice must not
 *       release twice.</li>
 *   <li>{@code Ref.map} moves the borrow to a new handle: the count does not change.</li>
 *   <li>{@code replace}, {@code swap} and {@code take} are mutable borrows for a moment. Rust
 *       builds them on {@code borrow_mut()}; so can you.</li>
 *   <li>Remember the creating thread ({@code Thread.currentThread()}) when the cell is made, and
 *       compare before doing anything else.</li>
 * </ul>
 *
 * @param <T> the value inside
 */
public final class BasicRefCell<T> implements RefCell<T> {

    // Suggested state (your choice): the value, the creating thread, and one int counting the
    // borrows (for example -1 while the mutable borrow lives).

    /** A new cell holding {@code value} (may be {@code null}), owned by the calling thread (B7). */
    public BasicRefCell(T value) {
        // TODO: keep what the cell needs. Do not throw here.
    }

    /** A shared borrow; panics "RefCell already mutably borrowed" while a RefMut lives (B1, B2). */
    @Override
    public Ref<T> borrow() {
        throw new Unimplemented("ref-cell", "course-notes/04-refcell.md");
    }

    /** The mutable borrow; panics "RefCell already borrowed" while any borrow lives (B2). */
    @Override
    public RefMut<T> borrowMut() {
        throw new Unimplemented("ref-cell", "course-notes/04-refcell.md");
    }

    /** Like {@link #borrow()}, but {@code Err(BorrowError)} instead of the panic (B3). */
    @Override
    public Result<Ref<T>, BorrowError> tryBorrow() {
        throw new Unimplemented("ref-cell", "course-notes/04-refcell.md");
    }

    /** Like {@link #borrowMut()}, but {@code Err(BorrowMutError)} instead of the panic (B3). */
    @Override
    public Result<RefMut<T>, BorrowMutError> tryBorrowMut() {
        throw new Unimplemented("ref-cell", "course-notes/04-refcell.md");
    }

    /** Puts {@code value} in and returns the old one; panics while borrowed (B6). */
    @Override
    public T replace(T value) {
        throw new Unimplemented("ref-cell", "course-notes/04-refcell.md");
    }

    /** Swaps the values of the two cells; panics while either is borrowed, or if both are this cell (B6). */
    @Override
    public void swap(RefCell<T> other) {
        throw new Unimplemented("ref-cell", "course-notes/04-refcell.md");
    }

    /** Takes the value out, leaving {@code defaultValue.get()} in its place; panics while borrowed (B6). */
    @Override
    public T take(Supplier<? extends T> defaultValue) {
        throw new Unimplemented("ref-cell", "course-notes/04-refcell.md");
    }
}
