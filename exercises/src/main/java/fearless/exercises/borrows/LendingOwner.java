package fearless.exercises.borrows;

import fearless.api.Unimplemented;
import fearless.api.borrow.Mutable;
import fearless.api.borrow.Owner;
import fearless.api.borrow.Shared;
import java.util.function.Consumer;

/**
 * Exercise {@code borrows}: a value's owner that lends it out, with Rust's borrow checker done at
 * run time.
 *
 * <p>{@link #borrow()} is {@code &x}, {@link #borrowMut()} is {@code &mut x}. Where rustc would
 * refuse the program, throw {@code new OwnershipError(ErrorCode.E0xxx, "one plain sentence")}:
 * <ul>
 *   <li>B1: any number of shared borrows may live at once.</li>
 *   <li>B2: a second mutable borrow is E0499; a mutable borrow beside shared ones, or a shared one
 *       beside a mutable one, is E0502.</li>
 *   <li>B4: closing a borrow releases it, once: closing it again gives nothing back.</li>
 *   <li>O8: {@link #move()} and {@link #close()} while a borrow lives are E0505, and nothing
 *       changes: the owner keeps its value and the borrow stays open.</li>
 *   <li>L1, L2: a borrow used after its own {@code close()} is E0597 (see {@link SharedBorrow}).</li>
 *   <li>O2: every use of a moved or dropped owner ({@code borrow}, {@code borrowMut},
 *       {@code move}) is E0382; {@code close()} on it does nothing.</li>
 * </ul>
 *
 * <p>Read {@code course-notes/02-borrowing.md} and {@code course-notes/03-lifetimes.md} first.
 *
 * <p>Hints:
 * <ul>
 *   <li>The owner keeps the counts: how many shared borrows live, and whether a mutable one does.
 *       Every method reads them first.</li>
 *   <li>A borrow needs its owner (to read the value and to give its place back) and one flag of
 *       its own: is it still open?</li>
 *   <li>A mutable borrow's {@code set} replaces the owner's value, not a copy in the borrow, and
 *       drops the old value with the owner's drop action (O3).</li>
 *   <li>An owner and its borrows belong to one thread: plain fields are enough.</li>
 * </ul>
 *
 * @param <T> the owned value
 */
public final class LendingOwner<T> implements Owner<T> {

    // Suggested state (your choice): the value, the drop action, whether this handle still owns
    // (or was moved, or dropped), the number of live shared borrows, and whether a mutable one lives.

    /** A new, unborrowed owner of {@code value}; {@code drop} runs for each value it drops. */
    public LendingOwner(T value, Consumer<? super T> drop) {
        // TODO: keep what the owner needs. Do not throw here.
    }

    /** A shared borrow (B1); E0502 beside a mutable one (B2); E0382 on a dead owner (O2). */
    @Override
    public Shared<T> borrow() {
        throw new Unimplemented("borrows", "course-notes/02-borrowing.md");
    }

    /** A mutable borrow; E0499 beside another mutable one, E0502 beside shared ones (B2); E0382 if dead. */
    @Override
    public Mutable<T> borrowMut() {
        throw new Unimplemented("borrows", "course-notes/02-borrowing.md");
    }

    /** The value, as it is now, to a new owner; E0505 while borrowed (O8); E0382 if dead. */
    @Override
    public Owner<T> move() {
        throw new Unimplemented("borrows", "course-notes/02-borrowing.md");
    }

    /** Whether this handle still owns its value. */
    @Override
    public boolean isOwner() {
        throw new Unimplemented("borrows", "course-notes/02-borrowing.md");
    }

    /** Drops the value once; E0505 while borrowed (O8); nothing on a dead owner. */
    @Override
    public void close() {
        throw new Unimplemented("borrows", "course-notes/02-borrowing.md");
    }
}
