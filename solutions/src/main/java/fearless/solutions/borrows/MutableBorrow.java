package fearless.solutions.borrows;

import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import fearless.api.borrow.Mutable;

/**
 * Rust's {@code &mut T}: the only way to its owner's value while it is open. Writing goes through
 * the owner, so the owner (and whoever it moves to) owns what was written, and the old value is
 * dropped (O3).
 *
 * @param <T> the borrowed value
 */
final class MutableBorrow<T> implements Mutable<T> {

    private final LendingOwner<T> owner;
    private boolean open = true;

    MutableBorrow(LendingOwner<T> owner) {
        this.owner = owner;
    }

    @Override
    public T get() {
        ensureOpen();
        return owner.value();
    }

    @Override
    public void set(T value) {
        ensureOpen();
        owner.replace(value);
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            owner.releaseMutable();
        }
    }

    private void ensureOpen() {
        if (!open) {
            throw new OwnershipError(ErrorCode.E0597, "this mutable borrow was closed; its lifetime is over");
        }
    }
}
