package fearless.solutions.tree;

import fearless.api.cell.RefCellProvider;
import fearless.api.rc.Rc;
import fearless.api.rc.RcProvider;
import fearless.api.tree.TreeNode;
import fearless.api.tree.Trees;
import java.util.function.Consumer;

/**
 * Trees of {@link Node}s, on the {@code Rc} and {@code RefCell} they were given. A node lives in
 * an {@code Rc} whose drop action is the node's own {@link Node#drop()}, so the {@code Rc}
 * decides when a node dies, and the node only drops what it holds.
 */
final class LinkedTrees implements Trees {

    private final RcProvider rcs;
    private final RefCellProvider cells;

    LinkedTrees(RcProvider rcs, RefCellProvider cells) {
        this.rcs = rcs;
        this.cells = cells;
    }

    @Override
    public <T> Rc<TreeNode<T>> leaf(T value, Consumer<? super T> drop) {
        Node<T> node = new Node<>(value, drop, rcs, cells);
        return rcs.create(node, dropped -> node.drop());
    }

    /** The Rust book's two lines: a new strong reference down, a new weak reference up. */
    @Override
    public <T> void addChild(Rc<TreeNode<T>> parent, Rc<TreeNode<T>> child) {
        Node<T> p = node(parent);
        Node<T> c = node(child);
        p.push(child.cloneRc());
        c.setParent(parent.downgrade());
    }

    private static <T> Node<T> node(Rc<TreeNode<T>> rc) {
        if (rc.get() instanceof Node<T> node) {
            return node;
        }
        throw new IllegalArgumentException("not a node made by these trees: " + rc.get());
    }
}
