package fearless.api.tree;

import fearless.api.rc.Rc;
import java.util.List;
import java.util.Optional;

/**
 * A node of a tree with parent links, the Rust book's (chapter 15.6):
 *
 * <pre>{@code
 * struct Node {
 *     value: i32,
 *     parent: RefCell<Weak<Node>>,
 *     children: RefCell<Vec<Rc<Node>>>,
 * }
 * }</pre>
 * A parent owns its children (strong {@link Rc}s); a child only points back at its parent (a
 * {@link fearless.api.rc.Weak}), so parent and child never keep each other alive.
 *
 * @param <T> the node's value
 */
public interface TreeNode<T> {

    /** The node's value. */
    T value();

    /**
     * A new strong reference to the parent while it lives ({@code parent.borrow().upgrade()}); the caller closes it.
     * Empty for a node that was never added as a child, and once its parent was dropped (A5).
     */
    Optional<Rc<TreeNode<T>>> parent();

    /**
     * New strong references to the children, in the order they were added; the caller closes them.
     * Each raises its child's strong count by one until it is closed (A1).
     */
    List<Rc<TreeNode<T>>> children();
}
