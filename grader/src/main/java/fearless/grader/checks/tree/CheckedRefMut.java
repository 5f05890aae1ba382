package fearless.grader.checks.tree;

import fearless.api.OwnershipError;
import fearless.api.cell.RefMut;

/** The mutable borrow of a {@link CheckedCell}: while it lives, no other borrow of the cell (B2). */
final class CheckedRefMut<T> implements RefMut<T> {

    private final CheckedCell<T> cell;
    private boolean held = true;

    CheckedRefMut(CheckedCell<T> cell) {
        this.cell = cell;
    }

    @Override
    public T get() {
        ensureLive("get()");
        return cell.value();
    }

    @Override
    public void set(T value) {
        ensureLive("set()");
        cell.value(value);
    }

    @Override
    public void close() {
        if (!held) {
            return;
        }
        held = false;
        cell.releaseMutable();
    }

    private void ensureLive(String call) {
        cell.ensureOwner();
        if (!held) {
            throw OwnershipError.useAfterMove("refMut." + call + " on a RefMut that was already closed");
        }
    }
}
