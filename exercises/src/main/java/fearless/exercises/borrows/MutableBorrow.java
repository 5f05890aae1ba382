package fearless.exercises.borrows;

import fearless.api.Unimplemented;
import fearless.api.borrow.Mutable;

/**
 * Rust's {@code &mut T}: the only way to its owner's value while it is open.
 *
 * <p>{@code set(v)} is {@code *m = v;}: the owner owns {@code v} from then on, and the old value
 * is dropped at once with the owner's drop action (O3). {@code get()} and {@code set} after
 * {@code close()} are E0597 (L2). {@code close()} releases the borrow once; a second one does
 * nothing (B4).
 *
 * @param <T> the borrowed value
 */
final class MutableBorrow<T> implements Mutable<T> {

    /** A new, open mutable borrow of {@code owner}'s value. */
    MutableBorrow(LendingOwner<T> owner) {
        // TODO: keep what the borrow needs. Do not throw here.
    }

    @Override
    public T get() {
        throw new Unimplemented("borrows", "course-notes/02-borrowing.md");
    }

    @Override
    public void set(T value) {
        throw new Unimplemented("borrows", "course-notes/02-borrowing.md");
    }

    @Override
    public void close() {
        throw new Unimplemented("borrows", "course-notes/02-borrowing.md");
    }
}
