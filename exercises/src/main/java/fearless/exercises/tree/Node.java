package fearless.exercises.tree;

import fearless.api.Unimplemented;
import fearless.api.cell.RefCellProvider;
import fearless.api.rc.Rc;
import fearless.api.rc.RcProvider;
import fearless.api.tree.TreeNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Exercise {@code tree}: a node of the Rust book's tree with parent links (chapter 15.6).
 *
 * <pre>{@code
 * struct Node {
 *     value: i32,
 *     parent: RefCell<Weak<Node>>,       // up: does not keep the parent alive
 *     children: RefCell<Vec<Rc<Node>>>,  // down: keeps the children alive
 * }
 * }</pre>
 *
 * <p>Build the node on the {@code Rc} and {@code RefCell} you are given (never your own counts):
 * a {@code RefCell<Weak<TreeNode<T>>>} for the parent and a {@code RefCell<List<Rc<TreeNode<T>>>>}
 * for the children, made with {@code cells.create(...)}. {@link #parent()} and {@link #children()}
 * hand out new strong references ({@code upgrade()}, {@code cloneRc()}) that the caller closes.
 *
 * <p>Rust drops a node's fields by itself; in Java the node's {@code Rc} runs a drop action, and
 * that action must do what Rust's drop glue does, in the same order: drop the value (its drop
 * action), close the parent {@code Weak}, then close the children, front to back.
 *
 * <p>Rules: A1, A2, A5, O4, B2, B4. Read {@code course-notes/05-rc.md} first.
 *
 * <p>Hints:
 * <ul>
 *   <li>Every borrow of a cell is a handle to close: use try-with-resources, and let it end before
 *       you return. A borrow left open makes the next {@code borrowMut()} panic.</li>
 *   <li>Closing a handle you did not make (the caller's) takes away a reference that is not yours:
 *       keep your own clones.</li>
 * </ul>
 *
 * @param <T> the node's value
 */
final class Node<T> implements TreeNode<T> {

    // Suggested state: the value, its drop action, and two cells: the parent link and the children.

    Node(T value, Consumer<? super T> drop, RcProvider rcs, RefCellProvider cells) {
        // TODO: keep the value and its drop action; make the two cells. Do not throw here.
    }

    /** The node's value. */
    @Override
    public T value() {
        throw new Unimplemented("tree", "course-notes/05-rc.md");
    }

    /** A new strong reference to the parent while it lives; empty without one, or once it was dropped (A5). */
    @Override
    public Optional<Rc<TreeNode<T>>> parent() {
        throw new Unimplemented("tree", "course-notes/05-rc.md");
    }

    /** New strong references to the children, in the order they were added (A1). */
    @Override
    public List<Rc<TreeNode<T>>> children() {
        throw new Unimplemented("tree", "course-notes/05-rc.md");
    }
}
