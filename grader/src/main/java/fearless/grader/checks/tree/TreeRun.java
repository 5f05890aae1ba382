package fearless.grader.checks.tree;

import fearless.api.rc.Rc;
import fearless.api.tree.TreeNode;
import fearless.api.tree.TreeProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The system side of the tree property: a {@link TreeLab}, and the caller's open handles in the
 * order they were made, as the {@link TreeModel} keeps its own, so that an op names a handle by
 * its place in that list on both sides.
 */
final class TreeRun {

    private final TreeLab lab;
    private final List<Rc<TreeNode<String>>> handles = new ArrayList<>();
    private int nodes;

    TreeRun(TreeProvider provider) {
        lab = new TreeLab(provider);
    }

    int openHandles() {
        return handles.size();
    }

    /** A new leaf, named as the model names it; its name, or what the tree returned instead of a kit Rc. */
    String leaf() {
        String name = "n" + (++nodes);
        Rc<TreeNode<String>> rc = lab.rawLeaf(name);
        if (!lab.isKits(rc)) {
            return lab.nameOf(rc);
        }
        handles.add(rc);
        return name;
    }

    void addChild(int parent, int child) {
        lab.trees().addChild(handles.get(parent), handles.get(child));
    }

    /** The names of the children {@code children()} handed out, kept as the caller's handles. */
    String children(int index) {
        List<Rc<TreeNode<String>>> list = handles.get(index).get().children();
        List<String> names = new ArrayList<>();
        for (Rc<TreeNode<String>> child : list) {
            names.add(lab.nameOf(child));
            handles.add(child);
        }
        return names.toString();
    }

    /** The name of the parent {@code parent()} handed out, kept as the caller's handle, or {@code none}. */
    String parent(int index) {
        Optional<Rc<TreeNode<String>>> parent = handles.get(index).get().parent();
        if (parent == null) {
            return "null";
        }
        if (parent.isEmpty()) {
            return "none";
        }
        handles.add(parent.get());
        return lab.nameOf(parent.get());
    }

    void close(int index) {
        handles.remove(index).close();
    }

    /** Closes every open handle, in {@code order} (positions in the list of open handles). */
    void closeAll(List<Integer> order) {
        List<Rc<TreeNode<String>>> open = List.copyOf(handles);
        handles.clear();
        for (int index : order) {
            open.get(index).close();
        }
    }

    List<String> drops() {
        return lab.drops();
    }

    Map<String, Integer> strongCounts() {
        return lab.strongCounts();
    }

    Map<String, Integer> openWeaks() {
        return lab.openWeaks();
    }

    int openBorrows() {
        return lab.openBorrows();
    }
}
