package fearless.solutions.tree;

import fearless.api.cell.Ref;
import fearless.api.cell.RefCell;
import fearless.api.cell.RefCellProvider;
import fearless.api.cell.RefMut;
import fearless.api.rc.Rc;
import fearless.api.rc.RcProvider;
import fearless.api.rc.Weak;
import fearless.api.tree.TreeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Rust book's node (chapter 15.6): a value, a parent held by a {@link Weak} and children held
 * by strong {@link Rc}s, both links in {@link RefCell}s so that they can change while the node is
 * shared.
 *
 * <p>Nothing here counts references: the {@code Rc} does. What the node must do by hand is what
 * Rust's drop glue does by itself: when its {@code Rc} drops it, {@link #drop()} drops its fields
 * in order, the value, the parent link, then the children front to back (A2, O4).
 *
 * @param <T> the node's value
 */
final class Node<T> implements TreeNode<T> {

    private final T value;
    private final Consumer<? super T> dropValue;
    private final RefCell<Weak<TreeNode<T>>> parent;
    private final RefCell<List<Rc<TreeNode<T>>>> children;

    Node(T value, Consumer<? super T> dropValue, RcProvider rcs, RefCellProvider cells) {
        this.value = value;
        this.dropValue = Objects.requireNonNull(dropValue, "drop");
        this.parent = cells.create(rcs.newWeak());
        this.children = cells.create(new ArrayList<>());
    }

    @Override
    public T value() {
        return value;
    }

    /** A5: {@code upgrade()} is empty once the parent was dropped. */
    @Override
    public Optional<Rc<TreeNode<T>>> parent() {
        try (Ref<Weak<TreeNode<T>>> link = parent.borrow()) {
            return link.get().upgrade();
        }
    }

    /** A1: one new strong reference per child; the borrow ends before the caller gets the list. */
    @Override
    public List<Rc<TreeNode<T>>> children() {
        try (Ref<List<Rc<TreeNode<T>>>> list = children.borrow()) {
            List<Rc<TreeNode<T>>> copies = new ArrayList<>(list.get().size());
            for (Rc<TreeNode<T>> child : list.get()) {
                copies.add(child.cloneRc());
            }
            return copies;
        }
    }

    /** Keeps {@code child}, a strong reference made for this node alone, as the last child. */
    void push(Rc<TreeNode<T>> child) {
        try (RefMut<List<Rc<TreeNode<T>>>> list = children.borrowMut()) {
            list.get().add(child);
        }
    }

    /** Points this node at {@code newParent} and drops the old link, as Rust's assignment does. */
    void setParent(Weak<TreeNode<T>> newParent) {
        Weak<TreeNode<T>> old;
        try (RefMut<Weak<TreeNode<T>>> link = parent.borrowMut()) {
            old = link.get();
            link.set(newParent);
        }
        old.close();
    }

    /** The node's drop glue, run by its {@code Rc} when the last strong reference is closed. */
    void drop() {
        dropValue.accept(value);
        try (Ref<Weak<TreeNode<T>>> link = parent.borrow()) {
            link.get().close();
        }
        try (Ref<List<Rc<TreeNode<T>>>> list = children.borrow()) {
            for (Rc<TreeNode<T>> child : list.get()) {
                child.close();
            }
        }
    }
}
