package fearless.grader.checks.tree;

import fearless.api.cell.RefCell;
import fearless.api.cell.RefCellProvider;

/**
 * The kit's own {@code RefCell}, passed to the tree instead of the student's: it enforces B1 and
 * B2 with Rust's own panics, so a tree that borrows wrongly fails here as it would in Rust, and it
 * counts what the checks ask about: cells made, changes made through them, borrows still open.
 */
final class CheckedCells implements RefCellProvider {

    private int created;
    private int changes;
    private int openBorrows;

    @Override
    public <T> RefCell<T> create(T value) {
        created++;
        return new CheckedCell<>(this, value);
    }

    /** Cells made so far. */
    int created() {
        return created;
    }

    /** Mutable borrows taken, and values replaced, swapped or taken, so far. */
    int changes() {
        return changes;
    }

    /** Borrows ({@code Ref} and {@code RefMut}) not yet closed, over every cell. */
    int openBorrows() {
        return openBorrows;
    }

    void changed() {
        changes++;
    }

    void opened() {
        openBorrows++;
    }

    void closed() {
        openBorrows--;
    }
}
