package fearless.grader.checks.tree;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fearless.grader.check.property.Op;
import fearless.grader.check.property.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.quicktheories.core.Gen;

/**
 * The operations of the tree property (leaf, addChild, children, parent, close, and closing every
 * handle left in a random order) and the generator of their sequences. An op names a handle by a
 * number taken modulo the handles open at that step, in the order they were made, on the model
 * and on the system alike; so a minimized sequence still means something.
 */
final class TreeOps {

    private static final int KINDS = 10;

    private TreeOps() {
    }

    /** Sequences that start with a leaf and end by closing every handle still open. */
    static Gen<List<Op<TreeRun, TreeModel>>> sequences(int maxLength) {
        Gen<int[]> raw = integers().between(0, KINDS - 1).zip(integers().between(0, 1_000),
                integers().between(0, 1_000), (k, a, b) -> new int[] {k, a, b});
        return lists().of(raw).ofSizeBetween(0, maxLength - 2).zip(integers().all(), TreeOps::resolve);
    }

    private static List<Op<TreeRun, TreeModel>> resolve(List<int[]> raw, int seed) {
        List<Op<TreeRun, TreeModel>> ops = new ArrayList<>();
        ops.add(new Leaf());
        for (int[] r : raw) {
            ops.add(switch (r[0]) {
                case 0, 1, 2 -> new Leaf();
                case 3, 4, 5 -> new AddChild(r[1], r[2]);
                case 6 -> new Children(r[1]);
                case 7 -> new Parent(r[1]);
                default -> new Close(r[1]);
            });
        }
        ops.add(new CloseRest(seed));
        return ops;
    }

    /** {@code Rc<TreeNode<String>> hK = trees.leaf("nJ", drop)}. */
    static final class Leaf implements Op<TreeRun, TreeModel> {
        @Override
        public String describe(TreeModel model) {
            return "Rc<TreeNode<String>> " + model.nextHandles(1).get(0) + " = trees.leaf(\"" + model.nextNode()
                    + "\", drop)";
        }

        @Override
        public Outcome expect(TreeModel model) {
            String name = model.nextNode();
            model.leaf();
            return Outcome.returned(name).because("A1");
        }

        @Override
        public Outcome run(TreeRun system) {
            return Outcome.returned(system.leaf());
        }
    }

    /** An op on one of the open handles, named by {@code pick} modulo their number. */
    private abstract static class OnHandle implements Op<TreeRun, TreeModel> {
        final int pick;

        OnHandle(int pick) {
            this.pick = pick;
        }

        @Override
        public boolean enabledIn(TreeModel model) {
            return model.openHandles() > 0;
        }

        int in(TreeModel model) {
            return pick % model.openHandles();
        }

        int in(TreeRun system) {
            return pick % system.openHandles();
        }

        String target(TreeModel model) {
            return model.handle(in(model));
        }
    }

    /** {@code trees.addChild(hP, hC)}, unless it would close a strong cycle. */
    static final class AddChild extends OnHandle {
        private final int childPick;

        AddChild(int parentPick, int childPick) {
            super(parentPick);
            this.childPick = childPick;
        }

        private int child(int open) {
            return childPick % open;
        }

        @Override
        public boolean enabledIn(TreeModel model) {
            return super.enabledIn(model) && !model.wouldCycle(in(model), child(model.openHandles()));
        }

        @Override
        public String describe(TreeModel model) {
            int c = child(model.openHandles());
            return "trees.addChild(" + target(model) + ", " + model.handle(c) + ")  // " + model.nodeOf(c) + " under "
                    + model.nodeOf(in(model));
        }

        @Override
        public Outcome expect(TreeModel model) {
            model.addChild(in(model), child(model.openHandles()));
            return Outcome.done().because("A1");
        }

        @Override
        public Outcome run(TreeRun system) {
            system.addChild(in(system), child(system.openHandles()));
            return Outcome.done();
        }
    }

    /** {@code hK.get().children()}; the caller keeps the handles it returns. */
    static final class Children extends OnHandle {
        Children(int pick) {
            super(pick);
        }

        @Override
        public String describe(TreeModel model) {
            int count = model.peekChildren(in(model)).size();
            return target(model) + ".get().children()" + (count == 0 ? "" : "  // kept as "
                    + String.join(", ", model.nextHandles(count)));
        }

        @Override
        public Outcome expect(TreeModel model) {
            return Outcome.returned(model.children(in(model)).toString()).because("A1");
        }

        @Override
        public Outcome run(TreeRun system) {
            return Outcome.returned(system.children(in(system)));
        }
    }

    /** {@code hK.get().parent()}; the caller keeps the handle it returns, if any. */
    static final class Parent extends OnHandle {
        Parent(int pick) {
            super(pick);
        }

        @Override
        public String describe(TreeModel model) {
            return target(model) + ".get().parent()" + (model.hasLiveParent(in(model))
                    ? "  // kept as " + model.nextHandles(1).get(0) : "");
        }

        @Override
        public Outcome expect(TreeModel model) {
            Optional<String> parent = model.parent(in(model));
            return Outcome.returned(parent.orElse("none")).because("A5");
        }

        @Override
        public Outcome run(TreeRun system) {
            return Outcome.returned(system.parent(in(system)));
        }
    }

    /** {@code hK.close()}. */
    static final class Close extends OnHandle {
        Close(int pick) {
            super(pick);
        }

        @Override
        public String describe(TreeModel model) {
            return target(model) + ".close()  // " + model.nodeOf(in(model));
        }

        @Override
        public Outcome expect(TreeModel model) {
            model.close(in(model));
            return Outcome.done().because("A2");
        }

        @Override
        public Outcome run(TreeRun system) {
            system.close(in(system));
            return Outcome.done();
        }
    }

    /** Closes every handle still open, in an order drawn from {@code seed}. */
    static final class CloseRest implements Op<TreeRun, TreeModel> {
        private final int seed;

        CloseRest(int seed) {
            this.seed = seed;
        }

        @Override
        public boolean enabledIn(TreeModel model) {
            return model.openHandles() > 0;
        }

        @Override
        public String describe(TreeModel model) {
            List<String> names = new ArrayList<>();
            for (int index : order(model.openHandles())) {
                names.add(model.handle(index) + ".close()");
            }
            return String.join("; ", names) + "  // every handle left, in this order";
        }

        @Override
        public Outcome expect(TreeModel model) {
            model.closeAll(order(model.openHandles()));
            return Outcome.done().because("A2");
        }

        @Override
        public Outcome run(TreeRun system) {
            system.closeAll(order(system.openHandles()));
            return Outcome.done();
        }

        private List<Integer> order(int size) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed));
            return order;
        }
    }
}
