package fearless.grader.checks.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What Rust says the tree does, counted by hand: each node has a strong count (the caller's
 * handles to it, and one per place in a live parent's children) and a parent link; closing the last
 * strong reference drops the node, its value first, then each child in order, one reference at a
 * time. The caller's open handles are kept in the order they were made, as the system keeps its own.
 */
final class TreeModel {

    /** One node: its name, its children in order (repeats allowed), its parent link, its counts. */
    private static final class Node {
        final String name;
        final List<Node> children = new ArrayList<>();
        Node parent;
        int strong = 1;
        boolean dropped;

        Node(String name) {
            this.name = name;
        }
    }

    /** One of the caller's handles: its Java name and the node it refers to. */
    private record Handle(String name, Node node) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final List<Handle> handles = new ArrayList<>();
    private final List<String> drops = new ArrayList<>();
    private int handlesMade;

    /** The name of the next leaf: {@code n1}, {@code n2}, ... */
    String nextNode() {
        return "n" + (nodes.size() + 1);
    }

    /** The Java names of the next {@code count} handles: {@code h4}, {@code h5}, ... */
    List<String> nextHandles(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("h" + (handlesMade + i));
        }
        return names;
    }

    int openHandles() {
        return handles.size();
    }

    String handle(int index) {
        return handles.get(index).name();
    }

    String nodeOf(int index) {
        return handles.get(index).node().name;
    }

    void leaf() {
        Node node = new Node(nextNode());
        nodes.add(node);
        give(node);
    }

    /** Whether {@code child} is {@code parent} or above it, so that the link would close a strong cycle. */
    boolean wouldCycle(int parent, int child) {
        return reaches(handles.get(child).node(), handles.get(parent).node());
    }

    private static boolean reaches(Node from, Node target) {
        if (from == target) {
            return true;
        }
        for (Node c : from.children) {
            if (reaches(c, target)) {
                return true;
            }
        }
        return false;
    }

    void addChild(int parent, int child) {
        Node p = handles.get(parent).node();
        Node c = handles.get(child).node();
        p.children.add(c);
        c.strong++;
        c.parent = p;
    }

    /** The children's names; the caller gets a new handle to each. */
    List<String> children(int index) {
        List<String> names = new ArrayList<>();
        for (Node c : handles.get(index).node().children) {
            names.add(c.name);
            c.strong++;
            give(c);
        }
        return names;
    }

    /** The names the children would have, without taking handles. */
    List<String> peekChildren(int index) {
        return handles.get(index).node().children.stream().map(c -> c.name).toList();
    }

    /** The live parent's name, if any; the caller then gets a new handle to it. */
    Optional<String> parent(int index) {
        Node p = handles.get(index).node().parent;
        if (p == null || p.dropped) {
            return Optional.empty();
        }
        p.strong++;
        give(p);
        return Optional.of(p.name);
    }

    boolean hasLiveParent(int index) {
        Node p = handles.get(index).node().parent;
        return p != null && !p.dropped;
    }

    void close(int index) {
        release(handles.remove(index).node());
    }

    /** Closes every open handle, in {@code order} (positions in the list of open handles). */
    void closeAll(List<Integer> order) {
        List<Handle> open = List.copyOf(handles);
        handles.clear();
        for (int index : order) {
            release(open.get(index).node());
        }
    }

    private void give(Node node) {
        handlesMade++;
        handles.add(new Handle("h" + handlesMade, node));
    }

    private void release(Node node) {
        node.strong--;
        if (node.strong == 0) {
            node.dropped = true;
            drops.add(node.name);
            for (Node c : node.children) {
                release(c);
            }
        }
    }

    /** The values dropped so far, in order. */
    List<String> drops() {
        return List.copyOf(drops);
    }

    /** Every node with a strong reference left, by name. */
    Map<String, Integer> strongCounts() {
        Map<String, Integer> counts = new TreeMap<>(TreeModel::byNumber);
        for (Node n : nodes) {
            if (n.strong > 0) {
                counts.put(n.name, n.strong);
            }
        }
        return counts;
    }

    /** Every node that a live node's parent link points at, by name, with the number of such links. */
    Map<String, Integer> openWeaks() {
        Map<String, Integer> counts = new TreeMap<>(TreeModel::byNumber);
        for (Node n : nodes) {
            if (!n.dropped && n.parent != null) {
                counts.merge(n.parent.name, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** {@code n2} before {@code n10}. */
    static int byNumber(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
