package fearless.grader.checks.scoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated scope workload: a tree of scoped threads. Each node is spawned by the body or by an
 * earlier node, may be joined by hand by its spawner, may linger until the scope's caller waits,
 * and returns a value or throws (a Panic, an exception, an Error). The body may throw at its end.
 *
 * <p>Nodes are a flat list so that the minimizer can drop any of them: a node whose spawner was
 * dropped is spawned by the body instead.
 */
record Workload(List<Node> nodes, boolean bodyThrows) {

    /** How a node's body ends. */
    enum End { RETURNS, PANICS, THROWS_EXCEPTION, THROWS_ERROR }

    /** One scoped thread: its id, its spawner's id (-1: the body), and what it does. */
    record Node(int id, int parent, boolean joinedByHand, boolean lingers, End end) {
    }

    /** A random workload of up to {@code maxNodes} threads. */
    static Workload random(Random random, int maxNodes) {
        int n = 1 + random.nextInt(maxNodes);
        List<Node> nodes = new ArrayList<>();
        for (int id = 0; id < n; id++) {
            int parent = id == 0 || random.nextInt(3) == 0 ? -1 : random.nextInt(id);
            int roll = random.nextInt(10);
            End end = roll < 6 ? End.RETURNS : roll < 8 ? End.PANICS : roll < 9 ? End.THROWS_EXCEPTION : End.THROWS_ERROR;
            nodes.add(new Node(id, parent, random.nextInt(3) == 0, random.nextInt(3) == 0, end));
        }
        return new Workload(List.copyOf(nodes), random.nextInt(8) == 0);
    }

    /** The spawner of {@code node} in this workload: its parent if present, else the body (-1). */
    int spawner(Node node) {
        for (Node other : nodes) {
            if (other.id() == node.parent()) {
                return node.parent();
            }
        }
        return -1;
    }

    /** The nodes spawned by {@code spawner} (-1: the body), in order. */
    List<Node> children(int spawner) {
        List<Node> children = new ArrayList<>();
        for (Node node : nodes) {
            if (spawner(node) == spawner) {
                children.add(node);
            }
        }
        return children;
    }

    /** Whether the body waits, through joins by hand, for {@code node}: such a node must not linger. */
    boolean bodyWaitsFor(Node node) {
        if (!node.joinedByHand()) {
            return false;
        }
        int spawner = spawner(node);
        if (spawner == -1) {
            return true;
        }
        for (Node other : nodes) {
            if (other.id() == spawner) {
                return bodyWaitsFor(other);
            }
        }
        return true;
    }

    /** The workload as Java-like lines, for the feedback. */
    String describe() {
        StringBuilder out = new StringBuilder("scopes.scope(s -> {\n");
        describeChildren(-1, "    ", "s", out);
        out.append(bodyThrows ? "    throw new BodyFailure();\n" : "    return \"body\";\n").append("})\n");
        return out.toString();
    }

    private void describeChildren(int spawner, String indent, String scope, StringBuilder out) {
        for (Node child : children(spawner)) {
            out.append(indent).append("t").append(child.id()).append(" = s.spawn(() -> {\n");
            describeChildren(child.id(), indent + "    ", scope, out);
            if (child.lingers() && !bodyWaitsFor(child)) {
                out.append(indent).append("    // waits until scope() waits\n");
            }
            out.append(indent).append("    ").append(switch (child.end()) {
                case RETURNS -> "return " + value(child) + ";";
                case PANICS -> "throw new Panic(\"t" + child.id() + "\", \"p" + child.id() + "\");";
                case THROWS_EXCEPTION -> "throw new Boom(\"t" + child.id() + "\");";
                case THROWS_ERROR -> "throw new Fatal();  // an Error";
            }).append('\n');
            out.append(indent).append("});\n");
        }
        for (Node child : children(spawner)) {
            if (child.joinedByHand()) {
                out.append(indent).append("t").append(child.id()).append(".join();\n");
            }
        }
    }

    /** What node {@code node} returns when it returns. */
    static int value(Node node) {
        return 100 + node.id();
    }
}
