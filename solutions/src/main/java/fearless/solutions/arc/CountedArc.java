package fearless.solutions.arc;

import fearless.api.OwnershipError;
import fearless.api.Result;
import fearless.api.sync.Arc;
import fearless.api.sync.Weak;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One strong reference to a value shared through an {@link ArcInner}: Rust's {@code Arc<T>}.
 *
 * <p>The counts are shared and atomic; the handle's own state is not, because a handle has one
 * owner, the thread that uses and closes it (threads share the value by each holding a clone).
 * A handle is live until it is closed or unwrapped; closing twice lowers the count once (A1),
 * and every other use of a dead handle is E0382.
 *
 * @param <T> the shared value
 */
public final class CountedArc<T> implements Arc<T> {

    /** Where a handle is in its life. It leaves {@code LIVE} once and for all. */
    private enum State { LIVE, CLOSED, UNWRAPPED }

    private final ArcInner<T> inner;
    private State state = State.LIVE;

    /** A new strong reference to {@code inner}, whose strong count the caller has already raised. */
    CountedArc(ArcInner<T> inner) {
        this.inner = inner;
    }

    static <T> Arc<T> create(T value, Consumer<? super T> drop) {
        return new CountedArc<>(new ArcInner<>(value, drop));
    }

    @Override
    public T get() {
        requireLive();
        return inner.value();
    }

    /** A1: a second handle on the same inner, one more strong reference. */
    @Override
    public Arc<T> cloneArc() {
        requireLive();
        inner.cloneStrong();
        return new CountedArc<>(inner);
    }

    @Override
    public Weak<T> downgrade() {
        requireLive();
        inner.downgradeWeak();
        return new CountedWeak<>(inner);
    }

    @Override
    public int strongCount() {
        requireLive();
        return inner.strong();
    }

    @Override
    public int weakCount() {
        requireLive();
        return inner.weak();
    }

    @Override
    public boolean ptrEq(Arc<T> other) {
        requireLive();
        Objects.requireNonNull(other, "other");
        if (!(other instanceof CountedArc<T> counted)) {
            return false;
        }
        counted.requireLive();
        return counted.inner == inner;
    }

    /** A3: only the last strong reference may take the value; otherwise this very handle comes back. */
    @Override
    public Result<T, Arc<T>> tryUnwrap() {
        requireLive();
        if (!inner.claimLast()) {
            return Result.err(this);
        }
        state = State.UNWRAPPED;
        return Result.ok(inner.takeValue());
    }

    /** A4: unique means no other strong reference and no weak one, which could upgrade and look. */
    @Override
    public boolean getMut(UnaryOperator<T> update) {
        Objects.requireNonNull(update, "update");
        requireLive();
        if (!inner.isUnique()) {
            return false;
        }
        inner.replaceValue(update.apply(inner.value()));
        return true;
    }

    /** A1, A2: the handle is dead before the count falls, so a throwing drop action cannot make it count twice. */
    @Override
    public void close() {
        if (state != State.LIVE) {
            return;
        }
        state = State.CLOSED;
        inner.releaseStrong();
    }

    private void requireLive() {
        if (state != State.LIVE) {
            throw OwnershipError.useAfterMove(state == State.CLOSED
                    ? "this Arc was already dropped"
                    : "this Arc was used up by tryUnwrap()");
        }
    }
}
