package fearless.grader.checks.refcell;

import java.util.HashMap;
import java.util.Map;

/**
 * What Rust says two cells and their borrows do: per cell, its value, how many shared borrows live
 * and whether the mutable one does; per handle, whether it still holds its borrow and what it
 * reads. The stateful property compares the submission with it.
 *
 * <p>Handles are known by the label of the op that made them (stable when the minimizer removes
 * other ops) and shown by their Java names: {@code r1}, {@code r2}, ... for {@code Ref}s,
 * {@code m1}, ... for {@code RefMut}s, numbered by the attempts to make one.
 */
final class CellModel {

    /** One cell: {@code a} or {@code b}. */
    static final class Cell {
        final String name;
        String value;
        int shared;
        boolean writing;

        Cell(String name, String value) {
            this.name = name;
            this.value = value;
        }

        boolean borrowed() {
            return shared > 0 || writing;
        }
    }

    enum Kind { REF, REF_MUT }

    enum State { HOLDING, CLOSED, MAPPED }

    /** One handle: its name, kind and cell, whether it holds its borrow, and what a {@code Ref} reads. */
    static final class Handle {
        final String name;
        final Kind kind;
        final Cell cell;
        final String view;
        final String origin;
        State state = State.HOLDING;

        Handle(String name, Kind kind, Cell cell, String view, String origin) {
            this.name = name;
            this.kind = kind;
            this.cell = cell;
            this.view = view;
            this.origin = origin;
        }

        /** What {@code get()} returns while it holds: a {@code Ref} its view, a {@code RefMut} the cell's value. */
        String reads() {
            return kind == Kind.REF ? view : cell.value;
        }

        /** Closes it: the first close releases the borrow. */
        void close() {
            if (state != State.HOLDING) {
                return;
            }
            state = State.CLOSED;
            if (kind == Kind.REF) {
                cell.shared--;
            } else {
                cell.writing = false;
            }
        }
    }

    private final Cell[] cells = {new Cell("a", "a0"), new Cell("b", "b0")};
    private final Map<Integer, Handle> handles = new HashMap<>();
    private int refs;
    private int muts;

    Cell cell(int index) {
        return cells[index];
    }

    boolean has(int label) {
        return handles.containsKey(label);
    }

    Handle handle(int label) {
        return handles.get(label);
    }

    /** The Java name the next attempt to make a handle of {@code kind} gives it. */
    String nextName(Kind kind) {
        return kind == Kind.REF ? "r" + (refs + 1) : "m" + (muts + 1);
    }

    /** Spends the next name of {@code kind}, whether or not the attempt makes a handle. */
    String claimName(Kind kind) {
        String name = nextName(kind);
        if (kind == Kind.REF) {
            refs++;
        } else {
            muts++;
        }
        return name;
    }

    /** A new shared borrow of {@code cell} that reads {@code view}; {@code counted} says whether it adds to the count. */
    void addRef(int label, String name, Cell cell, String view, String origin, boolean counted) {
        if (counted) {
            cell.shared++;
        }
        handles.put(label, new Handle(name, Kind.REF, cell, view, origin));
    }

    /** The mutable borrow of {@code cell}. */
    void addRefMut(int label, String name, Cell cell) {
        cell.writing = true;
        handles.put(label, new Handle(name, Kind.REF_MUT, cell, null, "B2"));
    }
}
