package fearless.api.tree;

import fearless.api.cell.RefCellProvider;
import fearless.api.rc.RcProvider;

/**
 * How the grader obtains a submission's {@link Trees}. Register the implementation in
 * {@code META-INF/services/fearless.api.tree.TreeProvider}.
 */
public interface TreeProvider {

    /**
     * Trees whose nodes are shared through {@code rcs} and whose links change through
     * {@code cells}. The grader passes the kit's own {@code Rc} and {@code RefCell}, so a tree is
     * graded on its own even while the {@code rc} or {@code ref-cell} exercise is unfinished.
     */
    Trees trees(RcProvider rcs, RefCellProvider cells);
}
