package fearless.solutions.borrows;

import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import fearless.api.borrow.Mutable;
import fearless.api.borrow.Owner;
import fearless.api.borrow.Shared;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A Rust variable that lends its value: the borrow checker's bookkeeping, done at run time.
 *
 * <p>The owner counts its live borrows: how many shared ones, and whether a mutable one lives.
 * Each request for a borrow, a move or a drop reads those counts first, and refuses with rustc's
 * code what rustc would refuse (B2, O8). A borrow gives its place back when it is closed, once
 * (B4). The owner and its borrows belong to one thread, so plain fields suffice.
 *
 * @param <T> the owned value
 */
public final class LendingOwner<T> implements Owner<T> {

    /** Where an owner is in its life. It leaves {@code OWNED} once and for all. */
    private enum State { OWNED, MOVED, DROPPED }

    private final Consumer<? super T> drop;
    private T value;
    private State state = State.OWNED;
    private int sharedBorrows;
    private boolean mutablyBorrowed;

    /** A new, unborrowed owner of {@code value}; {@code drop} runs for each value it drops. */
    public LendingOwner(T value, Consumer<? super T> drop) {
        this.value = value;
        this.drop = Objects.requireNonNull(drop, "drop");
    }

    /** B1, B2: any number of shared borrows, but none beside a mutable one. */
    @Override
    public Shared<T> borrow() {
        ensureOwner();
        if (mutablyBorrowed) {
            throw new OwnershipError(ErrorCode.E0502,
                    "cannot borrow the value as shared while a mutable borrow of it lives");
        }
        sharedBorrows++;
        return new SharedBorrow<>(this);
    }

    /** B2: a mutable borrow only when no other borrow lives. */
    @Override
    public Mutable<T> borrowMut() {
        ensureOwner();
        if (mutablyBorrowed) {
            throw new OwnershipError(ErrorCode.E0499, "the value is already borrowed mutably");
        }
        if (sharedBorrows > 0) {
            throw new OwnershipError(ErrorCode.E0502,
                    "the value is borrowed as shared " + sharedBorrows + " time(s); close those borrows first");
        }
        mutablyBorrowed = true;
        return new MutableBorrow<>(this);
    }

    /** O8: refused while borrowed, and then nothing changes; otherwise the value goes to a new owner. */
    @Override
    public Owner<T> move() {
        ensureOwner();
        ensureNotBorrowed("move the value");
        state = State.MOVED;
        return new LendingOwner<>(value, drop);
    }

    @Override
    public boolean isOwner() {
        return state == State.OWNED;
    }

    /** O3, O8: drops once, never while borrowed; dead before the drop action runs. */
    @Override
    public void close() {
        if (state != State.OWNED) {
            return;
        }
        ensureNotBorrowed("drop the value");
        state = State.DROPPED;
        drop.accept(value);
    }

    /** The value, for a borrow that is still open. */
    T value() {
        return value;
    }

    /** O3: a mutable borrow's {@code *m = v}: the old value is dropped, the new one owned. */
    void replace(T newValue) {
        T old = value;
        value = newValue;
        drop.accept(old);
    }

    /** B4: a shared borrow was closed. */
    void releaseShared() {
        sharedBorrows--;
    }

    /** B4: the mutable borrow was closed. */
    void releaseMutable() {
        mutablyBorrowed = false;
    }

    private void ensureOwner() {
        if (state != State.OWNED) {
            throw OwnershipError.useAfterMove(state == State.MOVED
                    ? "this owner's value was moved to a new owner"
                    : "this owner's value was already dropped");
        }
    }

    private void ensureNotBorrowed(String what) {
        if (mutablyBorrowed || sharedBorrows > 0) {
            throw new OwnershipError(ErrorCode.E0505, "cannot " + what + " while "
                    + (mutablyBorrowed ? "a mutable borrow" : sharedBorrows + " shared borrow(s)")
                    + " of it live(s); the owner keeps its value");
        }
    }
}
