package fearless.grader.checks.box;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fearless.api.ErrorCode;
import fearless.grader.check.property.Op;
import fearless.grader.check.property.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.quicktheories.core.Gen;

/**
 * The operations of the box property (create, get, move, cloneWith, set, replace, isOwner, close)
 * and the generator of their sequences.
 *
 * <p>Every op that may make a handle has a label (its position in the generated sequence), and
 * every op that uses a handle names its maker's label. So when the minimizer removes an op, the
 * others keep meaning the same handles; ops whose handle no longer exists are skipped.
 */
final class BoxOps {

    /** The cloner every clone uses: the copy is told apart from the original by a prime. */
    static final UnaryOperator<String> PRIME = v -> v + "'";

    private static final int KINDS = 12;

    private BoxOps() {
    }

    /** Sequences of 1 to {@code maxLength} ops that start with a {@code create}. */
    static Gen<List<Op<Handles, BoxModel>>> sequences(int maxLength) {
        Gen<int[]> raw = integers().between(0, KINDS - 1).zip(integers().between(0, 1_000), (k, t) -> new int[] {k, t});
        return lists().of(raw).ofSizeBetween(0, maxLength - 1).map(BoxOps::resolve);
    }

    /** Turns (kind, random target) pairs into ops whose targets are labels of earlier handle-making ops. */
    private static List<Op<Handles, BoxModel>> resolve(List<int[]> raw) {
        List<Op<Handles, BoxModel>> ops = new ArrayList<>();
        List<Integer> makers = new ArrayList<>();
        ops.add(new Create(0));
        makers.add(0);
        for (int[] pair : raw) {
            int label = ops.size();
            int target = makers.get(pair[1] % makers.size());
            Op<Handles, BoxModel> op = switch (pair[0]) {
                case 0, 1 -> new Create(label);
                case 2, 3 -> new Get(target);
                case 4, 5 -> new Move(target, label);
                case 6 -> new CloneWith(target, label);
                case 7 -> new IsOwner(target);
                case 8, 9 -> new Close(target);
                case 10 -> new Assign(target);
                default -> new Replace(target);
            };
            if (op instanceof Create || op instanceof Move || op instanceof CloneWith) {
                makers.add(label);
            }
            ops.add(op);
        }
        return ops;
    }

    /** The expectation for using a dead handle: E0382. */
    private static Outcome dead() {
        return Outcome.error(ErrorCode.E0382).because("O2");
    }

    /**
     * An op on an existing handle (its target). Its simpler variants aim at handles made earlier,
     * so a minimized sequence uses as few handles as it can.
     */
    private abstract static class OnHandle implements Op<Handles, BoxModel> {
        final int target;

        OnHandle(int target) {
            this.target = target;
        }

        /** The same op, aimed at {@code other}. */
        abstract OnHandle aimedAt(int other);

        @Override
        public boolean enabledIn(BoxModel model) {
            return model.has(target);
        }

        String name(BoxModel model) {
            return model.slot(target).name;
        }

        /** {@code Box<String> bN = call} if the call makes a handle, else just the call. */
        String assigned(BoxModel model, String call) {
            return model.slot(target).owner ? "Box<String> " + model.nextName() + " = " + call : call;
        }

        @Override
        public List<? extends Op<Handles, BoxModel>> simpler() {
            return Op.aimedAtEarlier(target, this::aimedAt);
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "(" + target + ")";
        }
    }

    /** {@code Box<String> bN = create("vK")}. */
    static final class Create implements Op<Handles, BoxModel> {
        private final int label;

        Create(int label) {
            this.label = label;
        }

        @Override
        public String describe(BoxModel model) {
            return "Box<String> " + model.nextName() + " = create(\"" + model.nextValue() + "\")";
        }

        @Override
        public Outcome expect(BoxModel model) {
            model.create(label);
            return Outcome.done().because("O1");
        }

        @Override
        public Outcome run(Handles system) {
            system.create(label);
            return Outcome.done();
        }
    }

    /** {@code bI.get()}. */
    static final class Get extends OnHandle {
        Get(int target) {
            super(target);
        }

        @Override
        OnHandle aimedAt(int other) {
            return new Get(other);
        }

        @Override
        public String describe(BoxModel model) {
            return name(model) + ".get()";
        }

        @Override
        public Outcome expect(BoxModel model) {
            BoxModel.Slot slot = model.slot(target);
            return slot.owner ? Outcome.returned(slot.value).because(slot.origin) : dead();
        }

        @Override
        public Outcome run(Handles system) {
            return Outcome.returned(system.get(target).get());
        }
    }

    /** {@code Box<String> bN = bI.move()}. */
    static final class Move extends OnHandle {
        private final int label;

        Move(int target, int label) {
            super(target);
            this.label = label;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new Move(other, label);
        }

        @Override
        public String describe(BoxModel model) {
            return assigned(model, name(model) + ".move()");
        }

        @Override
        public Outcome expect(BoxModel model) {
            BoxModel.Slot slot = model.slot(target);
            if (!slot.owner) {
                return dead();
            }
            slot.owner = false;
            model.add(label, slot.value, "O2");
            return Outcome.done().because("O2");
        }

        @Override
        public Outcome run(Handles system) {
            system.put(label, system.get(target).move());
            return Outcome.done();
        }
    }

    /** {@code Box<String> bN = bI.cloneWith(v -> v + "'")}. */
    static final class CloneWith extends OnHandle {
        private final int label;

        CloneWith(int target, int label) {
            super(target);
            this.label = label;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new CloneWith(other, label);
        }

        @Override
        public String describe(BoxModel model) {
            return assigned(model, name(model) + ".cloneWith(v -> v + \"'\")");
        }

        @Override
        public Outcome expect(BoxModel model) {
            BoxModel.Slot slot = model.slot(target);
            if (!slot.owner) {
                return dead();
            }
            model.add(label, PRIME.apply(slot.value), "O5");
            return Outcome.done().because("O5");
        }

        @Override
        public Outcome run(Handles system) {
            system.put(label, system.get(target).cloneWith(PRIME));
            return Outcome.done();
        }
    }

    /** {@code bI.set("vK")}: the old value is dropped. */
    static final class Assign extends OnHandle {
        Assign(int target) {
            super(target);
        }

        @Override
        OnHandle aimedAt(int other) {
            return new Assign(other);
        }

        @Override
        public String describe(BoxModel model) {
            return name(model) + ".set(\"" + model.nextValue() + "\")";
        }

        @Override
        public Outcome expect(BoxModel model) {
            String value = model.takeValue();
            BoxModel.Slot slot = model.slot(target);
            if (!slot.owner) {
                return dead();
            }
            model.set(slot, value);
            return Outcome.done().because("O3");
        }

        @Override
        public Outcome run(Handles system) {
            String value = system.nextValue();
            system.get(target).set(value);
            return Outcome.done();
        }
    }

    /** {@code bI.replace("vK")}: the old value comes back, undropped. */
    static final class Replace extends OnHandle {
        Replace(int target) {
            super(target);
        }

        @Override
        OnHandle aimedAt(int other) {
            return new Replace(other);
        }

        @Override
        public String describe(BoxModel model) {
            return name(model) + ".replace(\"" + model.nextValue() + "\")";
        }

        @Override
        public Outcome expect(BoxModel model) {
            String value = model.takeValue();
            BoxModel.Slot slot = model.slot(target);
            if (!slot.owner) {
                return dead();
            }
            return Outcome.returned(model.replace(slot, value)).because("O3");
        }

        @Override
        public Outcome run(Handles system) {
            String value = system.nextValue();
            return Outcome.returned(system.get(target).replace(value));
        }
    }

    /** {@code bI.isOwner()}. */
    static final class IsOwner extends OnHandle {
        IsOwner(int target) {
            super(target);
        }

        @Override
        OnHandle aimedAt(int other) {
            return new IsOwner(other);
        }

        @Override
        public String describe(BoxModel model) {
            return name(model) + ".isOwner()";
        }

        @Override
        public Outcome expect(BoxModel model) {
            BoxModel.Slot slot = model.slot(target);
            return Outcome.returned(slot.owner).because(slot.owner ? slot.origin : "O2");
        }

        @Override
        public Outcome run(Handles system) {
            return Outcome.returned(system.get(target).isOwner());
        }
    }

    /** {@code bI.close()}. */
    static final class Close extends OnHandle {
        Close(int target) {
            super(target);
        }

        @Override
        OnHandle aimedAt(int other) {
            return new Close(other);
        }

        @Override
        public String describe(BoxModel model) {
            return name(model) + ".close()";
        }

        @Override
        public Outcome expect(BoxModel model) {
            BoxModel.Slot slot = model.slot(target);
            if (slot.owner) {
                model.drop(slot);
            }
            return Outcome.done().because("O3");
        }

        @Override
        public Outcome run(Handles system) {
            system.get(target).close();
            return Outcome.done();
        }
    }
}
