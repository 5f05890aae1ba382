package fearless.api.tree;

import fearless.api.rc.Rc;
import java.util.function.Consumer;

/**
 * Makes and links {@link TreeNode}s, built on the {@code Rc} and {@code RefCell} it was given
 * ({@link TreeProvider#trees}).
 *
 * <p>Rules (see {@code course-notes/05-rc.md}): closing the last strong reference to the root
 * drops every node exactly once (A2), each node's value before its children's, and leaks none.
 */
public interface Trees {

    /** A new node without parent or children; {@code drop} runs once, when the node is dropped. */
    <T> Rc<TreeNode<T>> leaf(T value, Consumer<? super T> drop);

    /**
     * Makes {@code child} a child of {@code parent}: the parent keeps a new strong reference to it
     * ({@code parent.children.borrow_mut().push(Rc::clone(&child))}) and the child a weak one to
     * the parent ({@code *child.parent.borrow_mut() = Rc::downgrade(&parent)}). The caller's
     * handles stay the caller's.
     */
    <T> void addChild(Rc<TreeNode<T>> parent, Rc<TreeNode<T>> child);
}
