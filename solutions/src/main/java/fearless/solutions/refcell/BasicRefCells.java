package fearless.solutions.refcell;

import fearless.api.cell.RefCell;
import fearless.api.cell.RefCellProvider;

/** Hands the grader {@link BasicRefCell}s, each owned by the thread that asked for it. */
public final class BasicRefCells implements RefCellProvider {

    @Override
    public <T> RefCell<T> create(T value) {
        return new BasicRefCell<>(value);
    }
}
