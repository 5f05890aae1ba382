package fearless.grader.checks.tree;

import fearless.api.rc.Rc;
import fearless.api.tree.TreeNode;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.property.Outcome;
import java.util.List;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * Example-based checks of the tree, on the kit's own {@code Rc} and {@code RefCell}: the Rust
 * book's leaf and branch (chapter 15.6), dropping a whole tree, its drop order, the caller's
 * handles, parent links after the parent dropped, children as new strong references, a second
 * parent, and borrows of the cells.
 */
@Exercise("tree")
class TreeBehaviourChecks {

    private final TreeLab lab = new TreeLab();

    /** The Rust book's listing 15-29, with the counts it prints. */
    @Graded(points = 3, category = Category.BEHAVIOUR, rules = {"A1", "A5"})
    void rust_book_leaf_and_branch() {
        Rc<TreeNode<String>> leaf = lab.leaf("leaf");
        lab.expectCounts("leaf", 1, 0, "let leaf = trees.leaf(\"leaf\")", "the book prints: leaf strong = 1, weak = 0");
        Outcome.returned("leaf").because("A1").verify("leaf.get().value()", Outcome.of(() -> leaf.get().value()));
        expectNoParent(leaf, "leaf", "a new node", "the book prints: leaf parent = None");
        expectChildren(leaf, List.of(), "a new node");

        Rc<TreeNode<String>> branch = lab.leaf("branch");
        lab.addChild(branch, leaf);
        String added = "trees.addChild(branch, leaf)";
        lab.expectCounts("branch", 1, 1, added, "the book prints: branch strong = 1, weak = 1: the leaf points at "
                + "its parent through a Weak (A1, A5)");
        lab.expectCounts("leaf", 2, 0, added, "the book prints: leaf strong = 2, weak = 0: the branch holds a clone "
                + "of the leaf (A1)");
        expectParent(leaf, "leaf", branch, "branch", added);
        expectChildren(branch, List.of("leaf"), added);

        lab.close(branch);
        String dropped = "branch.close(), the branch's last strong reference";
        lab.expectDrops(List.of("branch"), dropped, "A2: the branch had one strong reference; the leaf lives on, the "
                + "caller holds it");
        expectNoParent(leaf, "leaf", dropped, "the book prints: leaf parent = None (A5)");
        lab.expectCounts("leaf", 1, 0, dropped, "the book prints: leaf strong = 1, weak = 0");

        lab.close(leaf);
        lab.expectDrops(List.of("branch", "leaf"), "leaf.close()", "A2");
        lab.expectNothingLeft("closing branch, then leaf");
    }

    @Graded(points = 3, category = Category.BEHAVIOUR, rules = {"A2"})
    void dropping_the_root_drops_every_node_once() {
        Rc<TreeNode<String>> root = lab.leaf("root");
        Rc<TreeNode<String>> a = lab.leaf("a");
        Rc<TreeNode<String>> b = lab.leaf("b");
        Rc<TreeNode<String>> a1 = lab.leaf("a1");
        Rc<TreeNode<String>> a2 = lab.leaf("a2");
        Rc<TreeNode<String>> b1 = lab.leaf("b1");
        lab.addChild(root, a);
        lab.addChild(root, b);
        lab.addChild(a, a1);
        lab.addChild(a, a2);
        lab.addChild(b, b1);
        for (Rc<TreeNode<String>> handle : List.of(a1, b, a2, a, b1)) {
            lab.close(handle);
        }
        lab.expectDrops(List.of(), "closing the caller's handles to every node but the root",
                "A2: each node is still held by its parent");
        lab.close(root);
        lab.expectNothingLeft("root.close(), the last handle the caller held");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A2", "O4"})
    void drop_order_value_then_children_in_order() {
        Rc<TreeNode<String>> root = lab.leaf("root");
        Rc<TreeNode<String>> a = lab.leaf("a");
        Rc<TreeNode<String>> b = lab.leaf("b");
        Rc<TreeNode<String>> c = lab.leaf("c");
        Rc<TreeNode<String>> b1 = lab.leaf("b1");
        Rc<TreeNode<String>> b2 = lab.leaf("b2");
        Rc<TreeNode<String>> c1 = lab.leaf("c1");
        lab.addChild(c, c1);
        lab.addChild(root, c);
        lab.addChild(root, a);
        lab.addChild(b, b2);
        lab.addChild(b, b1);
        lab.addChild(root, b);
        for (Rc<TreeNode<String>> handle : List.of(a, b, c, b1, b2, c1)) {
            lab.close(handle);
        }
        lab.close(root);
        lab.expectDrops(List.of("root", "c", "c1", "a", "b", "b2", "b1"),
                "root.close(), where root's children are c (with c1), a, b (with b2, then b1), in the order added",
                "A2, O4: a node drops its value first, then its children front to back, each child whole before "
                        + "the next, as Rust drops a struct's fields in order and a Vec's elements front to back");
        lab.expectNothingLeft("root.close()");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A1", "A2"})
    void caller_handles_stay_the_callers() {
        Rc<TreeNode<String>> parent = lab.leaf("parent");
        Rc<TreeNode<String>> child = lab.leaf("child");
        lab.addChild(parent, child);
        lab.expectCounts("child", 2, 0, "trees.addChild(parent, child)", "A1: one strong reference is the caller's, "
                + "one the parent's own clone");
        lab.close(child);
        lab.expectDrops(List.of(), "child.close(), the caller's handle", "A2: the parent still holds the child");
        expectChildren(parent, List.of("child"), "child.close(), the caller's handle");
        lab.close(parent);
        lab.expectDrops(List.of("parent", "child"), "parent.close()", "A2: the parent's drop closes its own "
                + "reference to the child, the last one");

        Rc<TreeNode<String>> parent2 = lab.leaf("parent2");
        Rc<TreeNode<String>> child2 = lab.leaf("child2");
        lab.addChild(parent2, child2);
        lab.close(parent2);
        String after = "trees.addChild(parent2, child2), then parent2.close()";
        lab.expectDrops(List.of("parent", "child", "parent2"), after, "A2: the caller still holds child2");
        Outcome.returned("child2").because("A1").verify("child2.get().value() after " + after
                + " (the caller's handle must still work)", Outcome.of(() -> child2.get().value()));
        lab.expectCounts("child2", 1, 0, after, "A1: only the caller's handle is left");
        lab.close(child2);
        lab.expectNothingLeft("closing every handle");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A5"})
    void parent_is_empty_once_the_parent_dropped() {
        Rc<TreeNode<String>> root = lab.leaf("root");
        Rc<TreeNode<String>> mid = lab.leaf("mid");
        Rc<TreeNode<String>> leaf = lab.leaf("leaf");
        lab.addChild(root, mid);
        lab.addChild(mid, leaf);
        String linked = "trees.addChild(root, mid), trees.addChild(mid, leaf)";
        expectParent(mid, "mid", root, "root", linked);
        expectParent(leaf, "leaf", mid, "mid", linked);

        lab.close(root);
        String rootGone = "root.close(), while the caller still holds mid and leaf";
        lab.expectDrops(List.of("root"), rootGone, "A2");
        expectNoParent(mid, "mid", rootGone, "A5: root was dropped, so its Weak no longer upgrades");
        expectParent(leaf, "leaf", mid, "mid", rootGone);

        lab.close(mid);
        String midGone = rootGone + ", then mid.close()";
        lab.expectDrops(List.of("root", "mid"), midGone, "A2: nothing else held mid");
        expectNoParent(leaf, "leaf", midGone, "A5: mid was dropped");
        lab.close(leaf);
        lab.expectNothingLeft("closing every handle");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A1"})
    void children_are_new_strong_references_in_order() {
        Rc<TreeNode<String>> p = lab.leaf("p");
        Rc<TreeNode<String>> c1 = lab.leaf("c1");
        Rc<TreeNode<String>> c2 = lab.leaf("c2");
        Rc<TreeNode<String>> c3 = lab.leaf("c3");
        lab.addChild(p, c2);
        lab.addChild(p, c1);
        lab.addChild(p, c3);
        lab.close(c1);
        lab.close(c2);
        lab.close(c3);
        String added = "adding c2, c1, c3 to p and closing the caller's handles to them";
        List<Rc<TreeNode<String>>> first = lab.children(p);
        expectNames(first, List.of("c2", "c1", "c3"), "p.get().children() after " + added);
        for (String name : List.of("c2", "c1", "c3")) {
            lab.expectCounts(name, 2, 0, "p.get().children()", "A1: the parent's reference, and the new one the "
                    + "caller got from children()");
        }
        List<Rc<TreeNode<String>>> second = lab.children(p);
        lab.expectCounts("c1", 3, 0, "p.get().children() twice", "A1: each call hands out new strong references");
        first.forEach(lab::close);
        lab.expectDrops(List.of(), "closing the list the first children() returned", "A2: p still holds its children");
        expectNames(second, List.of("c2", "c1", "c3"), "the second list, after the first was closed");
        second.forEach(lab::close);
        lab.expectCounts("c1", 1, 0, "closing both lists children() returned", "A1: only p's own reference is left");

        List<Rc<TreeNode<String>>> third = lab.children(p);
        Optional<Rc<TreeNode<String>>> up = lab.parent(third.get(1));
        lab.expectCounts("p", 2, 3, "c1.get().parent(), c1 reached through p.get().children()",
                "A1: parent() hands out a new strong reference; each of p's three children holds a Weak to p");
        up.ifPresent(lab::close);
        third.forEach(lab::close);
        lab.close(p);
        lab.expectDrops(List.of("p", "c2", "c1", "c3"), "p.close()", "A2, O4");
        lab.expectNothingLeft("closing every handle");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A1", "A5"})
    void a_second_parent_shares_the_child() {
        Rc<TreeNode<String>> p1 = lab.leaf("p1");
        Rc<TreeNode<String>> p2 = lab.leaf("p2");
        Rc<TreeNode<String>> c = lab.leaf("c");
        lab.addChild(p1, c);
        lab.addChild(p2, c);
        String both = "trees.addChild(p1, c), then trees.addChild(p2, c)";
        lab.expectCounts("c", 3, 0, both, "A1: the caller's handle, and one clone in each parent's children");
        lab.expectCounts("p1", 1, 0, both, "the second addChild replaced c's Weak to p1, and the old Weak must be "
                + "closed, as Rust's assignment drops it");
        lab.expectCounts("p2", 1, 1, both, "c's Weak now points at p2");
        expectParent(c, "c", p2, "p2", both + ": parent() is the last parent");
        expectChildren(p1, List.of("c"), both);
        expectChildren(p2, List.of("c"), both);

        lab.close(p2);
        String p2Gone = both + ", then p2.close()";
        lab.expectDrops(List.of("p2"), p2Gone, "A2: p1 and the caller still hold c");
        expectNoParent(c, "c", p2Gone, "A5: c's parent link points at p2, which was dropped");
        lab.close(c);
        lab.expectDrops(List.of("p2"), p2Gone + ", then c.close()", "A2: p1 still holds c");
        lab.close(p1);
        lab.expectDrops(List.of("p2", "p1", "c"), "p1.close()", "A2");
        lab.expectNothingLeft("closing every handle");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"B2", "B4"})
    void borrows_are_released_after_every_call() {
        Rc<TreeNode<String>> root = lab.leaf("root");
        expectNoBorrows("trees.leaf(\"root\", drop)");
        Rc<TreeNode<String>> kid = lab.leaf("kid");
        lab.addChild(root, kid);
        expectNoBorrows("trees.addChild(root, kid)");
        List<Rc<TreeNode<String>>> children = lab.children(root);
        expectNoBorrows("root.get().children()");
        Optional<Rc<TreeNode<String>>> parent = lab.parent(kid);
        expectNoBorrows("kid.get().parent()");
        Rc<TreeNode<String>> other = lab.leaf("other");
        lab.addChild(root, other);
        lab.addChild(other, kid);
        expectNoBorrows("two more trees.addChild calls, after children() and parent()");
        children.forEach(lab::close);
        parent.ifPresent(lab::close);
        lab.close(kid);
        lab.close(other);
        lab.close(root);
        expectNoBorrows("closing every handle (the nodes dropped)");
        lab.expectNothingLeft("closing every handle");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"A1", "B2"})
    void built_on_the_given_rc_and_refcell() {
        int cellsBefore = lab.cellsMade();
        Rc<TreeNode<String>> parent = lab.leaf("parent");
        if (lab.cellsMade() == cellsBefore) {
            throw new AssertionFailedError("trees.leaf(\"parent\", drop) made no RefCell through the given "
                    + "RefCellProvider: keep the node's links in cells.create(...) (a RefCell<Weak<...>> for the "
                    + "parent, a RefCell<List<Rc<...>>> for the children), as the Rust book does: the kit's cell "
                    + "checks every borrow (B2)");
        }
        Rc<TreeNode<String>> child = lab.leaf("child");
        int changesBefore = lab.cellChanges();
        lab.addChild(parent, child);
        if (lab.cellChanges() == changesBefore) {
            throw new AssertionFailedError("trees.addChild(parent, child) changed no RefCell of the given "
                    + "RefCellProvider: the links of a shared node change through its cells (borrowMut(), as "
                    + "parent.children.borrow_mut().push(...) in the Rust book) (B2)");
        }
        lab.close(child);
        lab.close(parent);
        lab.expectNothingLeft("closing every handle");
    }

    private void expectNoBorrows(String after) {
        int open = lab.openBorrows();
        if (open != 0) {
            throw new AssertionFailedError("after " + after + ", " + open + " borrow(s) of the tree's RefCells are "
                    + "still open: close every Ref and RefMut before returning (try-with-resources), as a Rust borrow "
                    + "ends with its statement (B4); an open borrow makes the next borrowMut() panic \""
                    + CheckedCell.ALREADY_BORROWED + "\" (B2)");
        }
    }

    private void expectParent(Rc<TreeNode<String>> node, String name, Rc<TreeNode<String>> parent, String parentName,
            String after) {
        Optional<Rc<TreeNode<String>>> up = lab.parent(node);
        if (up.isEmpty()) {
            throw new AssertionFailedError("after " + after + ", " + name + ".get().parent() should be " + parentName
                    + ", which lives (A5), but it is empty: does addChild set the child's parent link?");
        }
        String got = lab.nameOf(up.get());
        lab.close(up.get());
        if (!got.equals(parentName)) {
            throw new AssertionFailedError("after " + after + ", " + name + ".get().parent() should be " + parentName
                    + " (A5), but it is " + got);
        }
    }

    private void expectNoParent(Rc<TreeNode<String>> node, String name, String after, String why) {
        Optional<Rc<TreeNode<String>>> up = lab.parent(node);
        if (up.isPresent()) {
            String got = lab.nameOf(up.get());
            lab.close(up.get());
            throw new AssertionFailedError("after " + after + ", " + name + ".get().parent() should be empty (" + why
                    + "), but it is " + got);
        }
    }

    private void expectChildren(Rc<TreeNode<String>> node, List<String> expected, String after) {
        List<Rc<TreeNode<String>>> children = lab.children(node);
        List<String> names = children.stream().map(lab::nameOf).toList();
        children.forEach(lab::close);
        if (!names.equals(expected)) {
            throw new AssertionFailedError("after " + after + ", " + lab.nameOf(node) + ".get().children() should be "
                    + expected + ", in the order added (A1), but it is " + names);
        }
    }

    private void expectNames(List<Rc<TreeNode<String>>> handles, List<String> expected, String what) {
        List<String> names = handles.stream().map(lab::nameOf).toList();
        if (!names.equals(expected)) {
            throw new AssertionFailedError(what + " should be " + expected + ", in the order added (A1), but it is "
                    + names);
        }
    }
}
