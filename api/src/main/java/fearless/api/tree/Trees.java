package fearless.api.tree;

import fearless.api.rc.Rc;
import java.util.function.Consumer;

/**
 * Makes and links {@link TreeNode}s, built on the {@code Rc} and {@code RefCell} it was given
 * ({@link TreeProvider#trees}).
 *
 * <p>Rules (see {@code course-notes/05-rc.md}): a node is dropped exactly once, when its last
 * strong reference is closed (A2). Its value's drop action runs first, then its parent link and its
 * children are dropped, the children in the order they were added, as Rust drops a struct's fields
 * in order and a {@code Vec}'s elements front to back (O4). So closing the last handle to the root
 * drops every node that nothing else holds, each node's value before its children's. A child that
 * the caller still holds outlives its parent, and its {@code parent()} is then empty (A5). Once the
 * caller has closed every handle it holds, every node was dropped and every {@code Rc} and
 * {@code Weak} the tree made is closed: nothing leaks (unless the caller made a cycle: see
 * {@link #addChild}).
 */
public interface Trees {

    /** A new node without parent or children; {@code drop} runs once, when the node is dropped. */
    <T> Rc<TreeNode<T>> leaf(T value, Consumer<? super T> drop);

    /**
     * Makes {@code child} a child of {@code parent}: the parent keeps a new strong reference to it
     * ({@code parent.children.borrow_mut().push(Rc::clone(&child))}) and the child a weak one to
     * the parent ({@code *child.parent.borrow_mut() = Rc::downgrade(&parent)}, which drops the
     * child's old weak reference). The caller's handles stay the caller's.
     *
     * <p>It checks nothing more, as the Rust book's code: a node added under a second parent is
     * in the children of both, and its {@code parent()} is the last one. A node added under itself
     * or under its own descendant makes a strong cycle, and the nodes on it are never dropped:
     * Rust promises that a value is dropped at most once, not exactly once.
     */
    <T> void addChild(Rc<TreeNode<T>> parent, Rc<TreeNode<T>> child);
}
