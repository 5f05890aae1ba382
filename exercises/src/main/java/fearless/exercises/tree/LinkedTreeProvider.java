package fearless.exercises.tree;

import fearless.api.cell.RefCellProvider;
import fearless.api.rc.RcProvider;
import fearless.api.tree.TreeProvider;
import fearless.api.tree.Trees;

/** How the grader finds your {@link LinkedTrees}, built on the Rc and RefCell it passes. Nothing to do here. */
public final class LinkedTreeProvider implements TreeProvider {

    @Override
    public Trees trees(RcProvider rcs, RefCellProvider cells) {
        return new LinkedTrees(rcs, cells);
    }
}
