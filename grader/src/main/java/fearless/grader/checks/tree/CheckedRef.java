package fearless.grader.checks.tree;

import fearless.api.OwnershipError;
import fearless.api.cell.Ref;
import java.util.function.Function;

/** A shared borrow of a {@link CheckedCell}: counted until closed (B4); a clone counts again (B5). */
final class CheckedRef<T> implements Ref<T> {

    private final CheckedCell<?> cell;
    private final T value;
    private boolean held = true;

    CheckedRef(CheckedCell<?> cell, T value) {
        this.cell = cell;
        this.value = value;
    }

    @Override
    public T get() {
        ensureLive("get()");
        return value;
    }

    @Override
    public Ref<T> cloneRef() {
        ensureLive("cloneRef()");
        cell.shareAgain();
        return new CheckedRef<>(cell, value);
    }

    /** The new handle carries this one's borrow on: the count does not change. */
    @Override
    public <U> Ref<U> map(Function<? super T, ? extends U> part) {
        ensureLive("map()");
        U mapped = part.apply(value);
        held = false;
        return new CheckedRef<>(cell, mapped);
    }

    @Override
    public void close() {
        if (!held) {
            return;
        }
        held = false;
        cell.releaseShared();
    }

    private void ensureLive(String call) {
        cell.ensureOwner();
        if (!held) {
            throw OwnershipError.useAfterMove("ref." + call + " on a Ref that was already closed or mapped");
        }
    }
}
