package fearless.grader.checks.tree;

import fearless.api.rc.Rc;
import fearless.api.tree.TreeNode;
import fearless.api.tree.TreeProvider;
import fearless.api.tree.Trees;
import fearless.grader.check.GraderError;
import fearless.grader.check.Submission;
import fearless.grader.check.property.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opentest4j.AssertionFailedError;

/**
 * One tree under observation: the submission's {@link Trees}, built on the kit's {@link Ledger}
 * ({@code Rc}, {@code Weak}) and {@link CheckedCells} ({@code RefCell}), with {@code String}
 * values whose drops are logged by name. Every count it reports is the kit's, never the
 * submission's own account.
 */
final class TreeLab {

    static final String LESSON = "course-notes/05-rc.md";

    private final Ledger rcs = new Ledger();
    private final CheckedCells cells = new CheckedCells();
    private final Trees trees;
    private final List<String> drops = new ArrayList<>();

    TreeLab() {
        this(Submission.provider(TreeProvider.class));
    }

    TreeLab(TreeProvider provider) {
        trees = provider.trees(rcs, cells);
        if (trees == null) {
            throw new AssertionFailedError("TreeProvider.trees(rcs, cells) returned null: it must return the Trees "
                    + "built on the Rc and RefCell it was given");
        }
    }

    /** The submission's trees, for calls whose failures the caller judges itself. */
    Trees trees() {
        return trees;
    }

    /** {@code trees.leaf(name, drop)}, whose drop logs {@code name}; the node is known by {@code name} if the kit made its Rc. */
    Rc<TreeNode<String>> rawLeaf(String name) {
        Rc<TreeNode<String>> rc = trees.leaf(name, drops::add);
        Allocation<?> allocation = rcs.allocationOf(rc);
        if (allocation != null && !allocation.named()) {
            allocation.name(name);
        }
        return rc;
    }

    /** Whether the kit made {@code handle}. */
    boolean isKits(Rc<?> handle) {
        return rcs.allocationOf(handle) != null;
    }

    /**
     * {@code trees.leaf(name, drop)}, whose drop logs {@code name}. Fails the check unless the node
     * lives in an {@code Rc} of the given {@code RcProvider} (A1).
     */
    Rc<TreeNode<String>> leaf(String name) {
        String call = "trees.leaf(\"" + name + "\", drop)";
        Rc<TreeNode<String>> rc = Outcome.require(call, "A1", () -> rawLeaf(name));
        if (!isKits(rc)) {
            throw new AssertionFailedError(call + " must return the Rc that the given RcProvider made for the node "
                    + "(rcs.create(node, dropAction)), so that the Rc counts and drops it (A1); it returned "
                    + (rc == null ? "null" : "a " + rc.getClass().getName()));
        }
        return rc;
    }

    /** {@code trees.addChild(parent, child)}, which must succeed (A1). */
    void addChild(Rc<TreeNode<String>> parent, Rc<TreeNode<String>> child) {
        String call = "trees.addChild(" + nameOf(parent) + ", " + nameOf(child) + ")";
        Outcome.require(call, "A1", () -> {
            trees.addChild(parent, child);
            return null;
        });
    }

    /** {@code node.get().children()}, which must succeed and hand out the kit's handles (A1). */
    List<Rc<TreeNode<String>>> children(Rc<TreeNode<String>> node) {
        String call = nameOf(node) + ".get().children()";
        List<Rc<TreeNode<String>>> list = Outcome.require(call, "A1", () -> node.get().children());
        if (list == null) {
            throw new AssertionFailedError(call + " returned null: it must return a list, empty for a leaf (A1)");
        }
        for (Rc<TreeNode<String>> child : list) {
            requireKits(call, child);
        }
        return list;
    }

    /** {@code node.get().parent()}, which must succeed and hand out the kit's handle (A5). */
    Optional<Rc<TreeNode<String>>> parent(Rc<TreeNode<String>> node) {
        String call = nameOf(node) + ".get().parent()";
        Optional<Rc<TreeNode<String>>> parent = Outcome.require(call, "A5", () -> node.get().parent());
        if (parent == null) {
            throw new AssertionFailedError(call + " returned null: it must return an Optional, empty when there is "
                    + "no parent (A5)");
        }
        parent.ifPresent(p -> requireKits(call, p));
        return parent;
    }

    /** {@code handle.close()}, which must succeed (A2). */
    void close(Rc<TreeNode<String>> handle) {
        String call = nameOf(handle) + ".close()";
        Outcome.require(call, "A2", () -> {
            handle.close();
            return null;
        });
    }

    private void requireKits(String call, Rc<?> handle) {
        if (rcs.allocationOf(handle) == null) {
            throw new AssertionFailedError(call + " must hand out handles of the given RcProvider (upgrade(), "
                    + "cloneRc()), but it gave " + (handle == null ? "null" : "a " + handle.getClass().getName())
                    + " (A1)");
        }
    }

    /** The name of the node {@code handle} refers to ({@code "n3"}), or what it is if the kit did not make it. */
    String nameOf(Rc<?> handle) {
        Allocation<?> allocation = rcs.allocationOf(handle);
        if (allocation != null) {
            return allocation.name();
        }
        return handle == null ? "null" : "an Rc not made by the given RcProvider";
    }

    /** The values dropped so far, in order (a copy). */
    List<String> drops() {
        return List.copyOf(drops);
    }

    /** The kit's strong count of the node called {@code name}. */
    int strong(String name) {
        return allocation(name).strongCount();
    }

    /** The kit's count of open {@code Weak} handles to the node called {@code name}. */
    int weak(String name) {
        return allocation(name).weakHandles();
    }

    /** Every value with a strong reference left, by name, with its strong count. */
    Map<String, Integer> strongCounts() {
        Map<String, Integer> counts = new TreeMap<>(TreeModel::byNumber);
        for (Allocation<?> a : rcs.allocations()) {
            if (a.strongCount() > 0) {
                counts.put(a.name(), a.strongCount());
            }
        }
        return counts;
    }

    /** Every value with an open {@code Weak} to it, dropped or not, by name, with the number open. */
    Map<String, Integer> openWeaks() {
        Map<String, Integer> counts = new TreeMap<>(TreeModel::byNumber);
        for (Allocation<?> a : rcs.allocations()) {
            if (a.weakHandles() > 0) {
                counts.put(a.name(), a.weakHandles());
            }
        }
        return counts;
    }

    /** Borrows of the tree's cells not yet closed. */
    int openBorrows() {
        return cells.openBorrows();
    }

    /** Cells made through the given {@code RefCellProvider} so far. */
    int cellsMade() {
        return cells.created();
    }

    /** Changes made through the given cells so far (mutable borrows, replace, swap, take). */
    int cellChanges() {
        return cells.changes();
    }

    /** Fails unless the values dropped so far are exactly {@code expected}. */
    void expectDrops(List<String> expected, String after, String why) {
        if (!drops.equals(expected)) {
            throw new AssertionFailedError("after " + after + ", the values dropped so far should be " + expected
                    + " (" + why + "), but they are " + drops);
        }
    }

    /** Fails unless the kit counts {@code strong} and {@code weak} references to {@code name}. */
    void expectCounts(String name, int strong, int weak, String after, String why) {
        Allocation<?> a = allocation(name);
        if (a.strongCount() != strong || a.weakHandles() != weak) {
            throw new AssertionFailedError("after " + after + ", " + name + " should have strong = " + strong
                    + ", weak = " + weak + " (" + why + "), but it has strong = " + a.strongCount() + ", weak = "
                    + a.weakHandles() + excess(a.strongCount() - strong, a.weakHandles() - weak));
        }
    }

    private static String excess(int strong, int weak) {
        if (strong > 0 && weak < 0) {
            return ": a strong reference where a weak one belongs (is the parent link an Rc instead of a Weak?)";
        }
        if (strong > 0) {
            return ": the tree keeps " + strong + " strong reference(s) more than it should, and the node will leak";
        }
        if (strong < 0) {
            return ": the tree keeps " + -strong + " strong reference(s) fewer than it should (does it keep the "
                    + "caller's handle, or hand out its own, instead of a clone?)";
        }
        return weak > 0 ? ": a Weak the tree made was never closed" : ": a Weak the tree should hold is missing";
    }

    /**
     * Fails unless, every handle being closed, every node was dropped exactly once, its value's drop
     * action ran, and no {@code Weak} is left open (A2).
     */
    void expectNothingLeft(String after) {
        List<String> twice = new ArrayList<>();
        for (String name : new LinkedHashSet<>(drops)) {
            if (Collections.frequency(drops, name) > 1) {
                twice.add(name + " (" + Collections.frequency(drops, name) + " times)");
            }
        }
        if (!twice.isEmpty()) {
            throw new AssertionFailedError("after " + after + ", a value was dropped more than once: " + twice
                    + ". A node's value drops exactly once, when the node's Rc closes its last strong reference (A2)");
        }
        Map<String, Integer> alive = strongCounts();
        if (!alive.isEmpty()) {
            throw new AssertionFailedError("after " + after + ", nodes were never dropped (a leak): strong counts "
                    + alive + ". Something the tree made still holds a strong reference: a parent link held by an Rc "
                    + "instead of a Weak, or a node that does not close its children when it drops (A2)");
        }
        List<String> silent = new ArrayList<>();
        for (Allocation<?> a : rcs.allocations()) {
            if (a.named() && !drops.contains(a.name())) {
                silent.add(a.name());
            }
        }
        if (!silent.isEmpty()) {
            throw new AssertionFailedError("after " + after + ", the nodes " + silent + " were dropped, but their "
                    + "values' drop actions never ran: a node's drop runs its value's drop action first (A2)");
        }
        Map<String, Integer> weaks = openWeaks();
        if (!weaks.isEmpty()) {
            throw new AssertionFailedError("after " + after + ", Weak references are still open, by the node they "
                    + "point at: " + weaks + ". In Rust a node's parent field drops with the node, and assigning a new "
                    + "parent drops the old Weak; in Java the tree must close them, or the memory of those nodes is "
                    + "never freed (A2)");
        }
    }

    private Allocation<?> allocation(String name) {
        for (Allocation<?> a : rcs.allocations()) {
            if (a.named() && a.name().equals(name)) {
                return a;
            }
        }
        throw new GraderError("the check knows no node called " + name);
    }
}
