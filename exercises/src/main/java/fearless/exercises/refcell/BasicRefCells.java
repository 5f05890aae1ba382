package fearless.exercises.refcell;

import fearless.api.cell.RefCell;
import fearless.api.cell.RefCellProvider;

/** How the grader finds your {@link BasicRefCell}. Nothing to do here. */
public final class BasicRefCells implements RefCellProvider {

    @Override
    public <T> RefCell<T> create(T value) {
        return new BasicRefCell<>(value);
    }
}
