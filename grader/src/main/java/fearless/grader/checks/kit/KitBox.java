package fearless.grader.checks.kit;

import fearless.api.OwnershipError;
import fearless.api.ownership.Box;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** One owning handle of {@link KitBoxes}: every step that takes the value out is one synchronized step. */
final class KitBox<T> implements Box<T> {

    private final Consumer<? super T> drop;
    private T value;
    private boolean owner = true;

    KitBox(T value, Consumer<? super T> drop) {
        this.value = value;
        this.drop = drop;
    }

    @Override
    public synchronized T get() {
        ensureOwner("get()");
        return value;
    }

    @Override
    public Box<T> move() {
        return new KitBox<>(takeOut("move()"), drop);
    }

    @Override
    public Box<T> cloneWith(UnaryOperator<T> cloner) {
        T copy = cloner.apply(get());
        return new KitBox<>(copy, drop);
    }

    @Override
    public void set(T newValue) {
        T old;
        synchronized (this) {
            ensureOwner("set()");
            old = value;
            value = newValue;
        }
        drop.accept(old);
    }

    @Override
    public synchronized T replace(T newValue) {
        ensureOwner("replace()");
        T old = value;
        value = newValue;
        return old;
    }

    @Override
    public synchronized boolean isOwner() {
        return owner;
    }

    @Override
    public void close() {
        T old;
        synchronized (this) {
            if (!owner) {
                return;
            }
            old = takeOut("close()");
        }
        drop.accept(old);
    }

    private synchronized T takeOut(String use) {
        ensureOwner(use);
        T old = value;
        value = null;
        owner = false;
        return old;
    }

    private void ensureOwner(String use) {
        if (!owner) {
            throw OwnershipError.useAfterMove(use + " on a box that was moved or dropped");
        }
    }

    @Override
    public String toString() {
        return isOwner() ? "Box(" + value + ")" : "Box(<moved>)";
    }
}
