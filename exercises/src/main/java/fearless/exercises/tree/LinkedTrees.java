package fearless.exercises.tree;

import fearless.api.Unimplemented;
import fearless.api.cell.RefCellProvider;
import fearless.api.rc.Rc;
import fearless.api.rc.RcProvider;
import fearless.api.tree.TreeNode;
import fearless.api.tree.Trees;
import java.util.function.Consumer;

/**
 * Exercise {@code tree}: makes {@link Node}s and links them, on the {@code Rc} and
 * {@code RefCell} it was given.
 *
 * <p>{@link #leaf} puts a new node in an {@code Rc} ({@code rcs.create(node, dropAction)}) whose
 * drop action drops the node's value, its parent link and its children, in that order.
 * {@link #addChild} is the Rust book's two lines:
 *
 * <pre>{@code
 * parent.children.borrow_mut().push(Rc::clone(&child));
 * *child.parent.borrow_mut() = Rc::downgrade(&parent);   // the old Weak is dropped
 * }</pre>
 *
 * <p>Rules: A1, A2, A5, O4, B2, B4. Read {@code course-notes/05-rc.md} first.
 */
final class LinkedTrees implements Trees {

    private final RcProvider rcs;
    private final RefCellProvider cells;

    LinkedTrees(RcProvider rcs, RefCellProvider cells) {
        this.rcs = rcs;
        this.cells = cells;
    }

    /** A new node without parent or children, in a new {@code Rc}; {@code drop} runs once, when the node is dropped. */
    @Override
    public <T> Rc<TreeNode<T>> leaf(T value, Consumer<? super T> drop) {
        throw new Unimplemented("tree", "course-notes/05-rc.md");
    }

    /** The parent keeps a clone of {@code child}; the child a weak reference to the parent (A1, A5). */
    @Override
    public <T> void addChild(Rc<TreeNode<T>> parent, Rc<TreeNode<T>> child) {
        throw new Unimplemented("tree", "course-notes/05-rc.md");
    }
}
