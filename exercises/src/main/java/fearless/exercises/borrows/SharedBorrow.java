package fearless.exercises.borrows;

import fearless.api.Unimplemented;
import fearless.api.borrow.Shared;

/**
 * Rust's {@code &T}: reads its owner's value until it is closed.
 *
 * <p>{@code get()} after {@code close()} is E0597 (L2): in Rust the reference's lifetime is over,
 * and nothing can use it any more. {@code close()} releases this borrow's place in its owner's
 * count once; a second {@code close()} does nothing (B4).
 *
 * @param <T> the borrowed value
 */
final class SharedBorrow<T> implements Shared<T> {

    /** A new, open shared borrow of {@code owner}'s value. */
    SharedBorrow(LendingOwner<T> owner) {
        // TODO: keep what the borrow needs. Do not throw here.
    }

    @Override
    public T get() {
        throw new Unimplemented("borrows", "course-notes/02-borrowing.md");
    }

    @Override
    public void close() {
        throw new Unimplemented("borrows", "course-notes/02-borrowing.md");
    }
}
