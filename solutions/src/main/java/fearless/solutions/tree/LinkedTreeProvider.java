package fearless.solutions.tree;

import fearless.api.cell.RefCellProvider;
import fearless.api.rc.RcProvider;
import fearless.api.tree.TreeProvider;
import fearless.api.tree.Trees;

/** Hands the grader {@link LinkedTrees} built on the primitives it passes. */
public final class LinkedTreeProvider implements TreeProvider {

    @Override
    public Trees trees(RcProvider rcs, RefCellProvider cells) {
        return new LinkedTrees(rcs, cells);
    }
}
