package fearless.solutions.borrows;

import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import fearless.api.borrow.Shared;

/**
 * Rust's {@code &T}: reads its owner's value until it is closed. It remembers whether it is still
 * open, so a second {@code close()} gives nothing back twice (B4), and a use after it is E0597 (L2).
 *
 * @param <T> the borrowed value
 */
final class SharedBorrow<T> implements Shared<T> {

    private final LendingOwner<T> owner;
    private boolean open = true;

    SharedBorrow(LendingOwner<T> owner) {
        this.owner = owner;
    }

    @Override
    public T get() {
        if (!open) {
            throw new OwnershipError(ErrorCode.E0597, "this shared borrow was closed; its lifetime is over");
        }
        return owner.value();
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            owner.releaseShared();
        }
    }
}
