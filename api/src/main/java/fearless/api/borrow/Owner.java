package fearless.api.borrow;

/**
 * A value's owner that lends it out, as a Rust variable does: {@code &x} is {@link #borrow()},
 * {@code &mut x} is {@link #borrowMut()}. The borrow checker's compile errors become run-time
 * {@link fearless.api.OwnershipError}s with rustc's code.
 *
 * <pre>{@code
 * try (Owner<StringBuilder> s = owners.create(new StringBuilder("hi"), v -> { })) {
 *     try (Shared<StringBuilder> r1 = s.borrow();
 *          Shared<StringBuilder> r2 = s.borrow()) {    // let r1 = &s; let r2 = &s;
 *         s.borrowMut();                               // error[E0502]
 *     }
 *     try (Mutable<StringBuilder> m = s.borrowMut()) { // let m = &mut s;
 *         m.get().append('!');
 *     }
 * }
 * }</pre>
 *
 * <p>Rules (see {@code course-notes/02-borrowing.md} and {@code course-notes/03-lifetimes.md}):
 * <ul>
 *   <li>B1 any number of shared borrows may live at once;</li>
 *   <li>B2 a mutable borrow excludes every other borrow: a second mutable one is E0499, a mutable
 *       one beside shared ones (either way round) is E0502;</li>
 *   <li>B4 closing a borrow releases it; closing one of two shared borrows still blocks a mutable one;</li>
 *   <li>O8 moving ({@link #move()}) or dropping ({@link #close()}) the owner while a borrow of it
 *       lives is E0505, and the owner keeps its value: rustc refuses the move, it does not end the borrow;</li>
 *   <li>L1, L2 a borrow used after its own {@code close()} is E0597, whatever became of its owner
 *       since; a borrow that is still open never outlives its owner's value (O8);</li>
 *   <li>O2 every use of a moved or dropped owner is E0382.</li>
 * </ul>
 * An owner and its borrows belong to one thread, as a Rust variable and the references to it in
 * one function do: they need not be safe to use from several threads at once.
 *
 * @param <T> the owned value
 */
public interface Owner<T> extends AutoCloseable {

    /** A shared borrow ({@code &x}). E0502 while a mutable borrow lives; E0382 if moved or dropped. */
    Shared<T> borrow();

    /**
     * A mutable borrow ({@code &mut x}). E0499 while another mutable borrow lives, E0502 while a
     * shared one does; E0382 if moved or dropped.
     */
    Mutable<T> borrowMut();

    /**
     * Moves the value, as it is now, to a new owner ({@code let y = x;}) with the same drop action;
     * this owner is dead from then on. E0505 while borrowed (this owner keeps its value); E0382 if dead.
     */
    Owner<T> move();

    /** Whether this handle still owns its value (neither moved nor dropped). */
    boolean isOwner();

    /**
     * Drops the value, running its drop action once. E0505 while a borrow lives (the value stays
     * owned); does nothing on a moved-from or dropped owner.
     */
    @Override
    void close();
}
