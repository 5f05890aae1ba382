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
 * <p>The whole design is one atomic reference per handle to an immutable {@link Life}: owning a
 * value, or dead ({@code MOVED} or {@code DROPPED}), never back. {@link #move()} and
 * {@link #close()} leave the owning life with a single compare-and-set, so of any number of threads
 * racing to move or close a handle exactly one succeeds (O7), and the drop action runs at most once
 * per value (O3). {@link #set} and {@link #replace} swap one owning life for another with the same
 * compare-and-set, so the old value is taken out by exactly one of them, or by a racing move or
 * close, never by two. Reading the state and then writing it in two steps would let two threads
 * both take the same value.
 *
 * @param <T> the owned value
 */
public final class OwnedBox<T> implements Box<T> {

    /** Where a handle is in its life. A handle leaves {@code OWNED} once and for all. */
    private enum State { OWNED, MOVED, DROPPED }

    /** The handle's state and, while it owns one, its value: replaced as a whole, never changed. */
    private record Life<T>(State state, T value) {
    }

    private final AtomicReference<Life<T>> life;
    private final Consumer<? super T> drop;

    /** A new owner of {@code value}; {@code drop} runs when this owner (or the one it moves to) is closed. */
    public OwnedBox(T value, Consumer<? super T> drop) {
        this.life = new AtomicReference<>(new Life<>(State.OWNED, value));
        this.drop = Objects.requireNonNull(drop, "drop");
    }

    @Override
    public T get() {
        return owned().value();
    }

    /** O2, O7: the compare-and-set is the move; the loser of a race sees the handle dead. */
    @Override
    public Box<T> move() {
        return new OwnedBox<>(takeOut(State.MOVED).value(), drop);
    }

    /** O5: a second owner of a copy, dropped by the same action, independently. */
    @Override
    public Box<T> cloneWith(UnaryOperator<T> cloner) {
        Objects.requireNonNull(cloner, "cloner");
        return new OwnedBox<>(cloner.apply(owned().value()), drop);
    }

    /** O3: {@code *b = value;} drops the old value, after the handle holds the new one. */
    @Override
    public void set(T value) {
        T old = swap(value);
        drop.accept(old);
    }

    /** O3: {@code std::mem::replace}: the old value goes to the caller, undropped. */
    @Override
    public T replace(T value) {
        return swap(value);
    }

    @Override
    public boolean isOwner() {
        return life.get().state() == State.OWNED;
    }

    /** O3: only the call that takes the handle from owning to dropped runs the drop action. */
    @Override
    public void close() {
        Life<T> now = life.get();
        while (now.state() == State.OWNED) {
            if (life.compareAndSet(now, new Life<>(State.DROPPED, null))) {
                drop.accept(now.value());
                return;
            }
            now = life.get();
        }
    }

    /** Ends the owning life in one step: the life taken, whose value the caller now has. */
    private Life<T> takeOut(State end) {
        Life<T> dead = new Life<>(end, null);
        while (true) {
            Life<T> now = owned();
            if (life.compareAndSet(now, dead)) {
                return now;
            }
        }
    }

    /** Puts {@code value} in place of the owned one in one step; returns the old value. */
    private T swap(T value) {
        Life<T> next = new Life<>(State.OWNED, value);
        while (true) {
            Life<T> now = owned();
            if (life.compareAndSet(now, next)) {
                return now.value();
            }
        }
    }

    /** The owning life, or E0382 if the handle is dead. */
    private Life<T> owned() {
        Life<T> now = life.get();
        if (now.state() != State.OWNED) {
            throw OwnershipError.useAfterMove(now.state() == State.MOVED
                    ? "this Box was moved to a new owner"
                    : "this Box was already dropped");
        }
        return now;
    }
}
