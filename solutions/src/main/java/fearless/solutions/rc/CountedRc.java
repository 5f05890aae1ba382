package fearless.solutions.rc;

import fearless.api.OwnershipError;
import fearless.api.Result;
import fearless.api.rc.Rc;
import fearless.api.rc.Weak;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One strong reference to a value shared through an {@link RcBox}: Rust's {@code Rc<T>}.
 *
 * <p>A handle is live until it is closed or unwrapped, and only a live handle counts: closing
 * twice lowers the count once (A1), and every other use of a dead handle is E0382.
 *
 * @param <T> the shared value
 */
public final class CountedRc<T> implements Rc<T> {

    /** Where a handle is in its life. It leaves {@code LIVE} once and for all. */
    private enum State { LIVE, CLOSED, UNWRAPPED }

    private final RcBox<T> box;
    private State state = State.LIVE;

    /** A new strong reference to {@code box}, whose count the caller has already raised. */
    CountedRc(RcBox<T> box) {
        this.box = box;
    }

    @Override
    public T get() {
        ensureLive();
        return box.value();
    }

    /** A1: a second handle on the same box, one more strong reference. */
    @Override
    public Rc<T> cloneRc() {
        ensureLive();
        box.incrementStrong();
        return new CountedRc<>(box);
    }

    @Override
    public Weak<T> downgrade() {
        ensureLive();
        box.incrementWeak();
        return new CountedWeak<>(box);
    }

    @Override
    public int strongCount() {
        ensureLive();
        return box.strong();
    }

    @Override
    public int weakCount() {
        ensureLive();
        return box.weak();
    }

    @Override
    public boolean ptrEq(Rc<T> other) {
        ensureLive();
        Objects.requireNonNull(other, "other");
        if (!(other instanceof CountedRc<T> counted)) {
            return false;
        }
        counted.ensureLive();
        return counted.box == box;
    }

    /** A3: only the last strong reference may take the value; otherwise this very handle comes back. */
    @Override
    public Result<T, Rc<T>> tryUnwrap() {
        ensureLive();
        if (box.strong() != 1) {
            return Result.err(this);
        }
        state = State.UNWRAPPED;
        return Result.ok(box.unwrap());
    }

    /** A4: unique means no other strong reference and no weak one, which could upgrade and look. */
    @Override
    public boolean getMut(UnaryOperator<T> update) {
        Objects.requireNonNull(update, "update");
        ensureLive();
        if (box.strong() != 1 || box.weak() != 0) {
            return false;
        }
        box.setValue(update.apply(box.value()));
        return true;
    }

    /** A1, A2: the handle is dead before the count falls, so a throwing drop action cannot make it count twice. */
    @Override
    public void close() {
        if (state != State.LIVE) {
            return;
        }
        state = State.CLOSED;
        box.decrementStrong();
    }

    private void ensureLive() {
        if (state != State.LIVE) {
            throw OwnershipError.useAfterMove(state == State.CLOSED
                    ? "this Rc was already dropped"
                    : "this Rc was used up by tryUnwrap()");
        }
    }
}
