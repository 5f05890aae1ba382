package fearless.grader.checks.refcell;

import fearless.api.cell.Ref;
import fearless.api.cell.RefCell;
import fearless.api.cell.RefCellProvider;
import fearless.api.cell.RefMut;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system side of the cell property: the submission's two cells {@code a} and {@code b}, and
 * the handles the ops made, by the label of the op that made them.
 */
final class CellSystem {

    private final List<RefCell<String>> cells;
    private final Map<Integer, Ref<String>> refs = new HashMap<>();
    private final Map<Integer, RefMut<String>> refMuts = new HashMap<>();

    CellSystem(RefCellProvider provider) {
        cells = List.of(provider.create("a0"), provider.create("b0"));
    }

    RefCell<String> cell(int index) {
        return cells.get(index);
    }

    Ref<String> ref(int label) {
        return refs.get(label);
    }

    RefMut<String> refMut(int label) {
        return refMuts.get(label);
    }

    void putRef(int label, Ref<String> ref) {
        refs.put(label, ref);
    }

    void putRefMut(int label, RefMut<String> refMut) {
        refMuts.put(label, refMut);
    }

    /** {@code get()} on the handle {@code label} made, of either kind. */
    String get(int label) {
        Ref<String> ref = refs.get(label);
        return ref != null ? ref.get() : refMuts.get(label).get();
    }

    /** {@code close()} on the handle {@code label} made, of either kind. */
    void close(int label) {
        Ref<String> ref = refs.get(label);
        if (ref != null) {
            ref.close();
        } else {
            refMuts.get(label).close();
        }
    }
}
