package fearless.solutions.box;

import fearless.api.OwnershipError;
import fearless.api.ownership.Box;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Rust's {@code Box<T>}: one owning handle per value (O1).
 *
 * <p>The whole design is one atomic state per handle: {@code OWNED}, then either {@code MOVED}
 * or {@code DROPPED}, never back. {@link #move()} and {@link #close()} leave {@code OWNED} with a
 * single compare-and-set, so of any number of threads racing to move or close a handle exactly
 * one succeeds (O7), and the drop action runs at most once per value (O3). Reading the state and
 * then setting it in two steps would let two threads both win.
 *
 * @param <T> the owned value
 */
public final class OwnedBox<T> implements Box<T> {

    /** Where a handle is in its life. A handle leaves {@code OWNED} once and for all. */
    private enum State { OWNED, MOVED, DROPPED }

    private final AtomicReference<State> state;
    private final T value;
    private final Consumer<? super T> drop;

    /** A new owner of {@code value}; {@code drop} runs when this owner (or the one it moves to) is closed. */
    public OwnedBox(T value, Consumer<? super T> drop) {
        this(value, drop, new AtomicReference<>(State.OWNED));
    }

    private OwnedBox(T value, Consumer<? super T> drop, AtomicReference<State> state) {
        this.value = value;
        this.drop = Objects.requireNonNull(drop, "drop");
        this.state = state;
    }

    @Override
    public T get() {
        ensureOwner();
        return value;
    }

    /** O2, O7: the compare-and-set is the move; the loser of a race sees the handle dead. */
    @Override
    public Box<T> move() {
        if (!state.compareAndSet(State.OWNED, State.MOVED)) {
            throw dead();
        }
        return new OwnedBox<>(value, drop);
    }

    /** O5: a second owner of a copy, dropped by the same action, independently. */
    @Override
    public Box<T> cloneWith(UnaryOperator<T> cloner) {
        Objects.requireNonNull(cloner, "cloner");
        ensureOwner();
        return new OwnedBox<>(cloner.apply(value), drop, state); // MUTANT: the clone shares the owner state
    }

    @Override
    public boolean isOwner() {
        return state.get() == State.OWNED;
    }

    /** O3: only the call that takes the handle from OWNED to DROPPED runs the drop action. */
    @Override
    public void close() {
        if (state.compareAndSet(State.OWNED, State.DROPPED)) {
            drop.accept(value);
        }
    }

    private void ensureOwner() {
        if (state.get() != State.OWNED) {
            throw dead();
        }
    }

    private OwnershipError dead() {
        return OwnershipError.useAfterMove(state.get() == State.MOVED
                ? "this Box was moved to a new owner"
                : "this Box was already dropped");
    }
}
