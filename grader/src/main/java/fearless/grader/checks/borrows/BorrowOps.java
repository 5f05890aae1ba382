package fearless.grader.checks.borrows;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fearless.api.ErrorCode;
import fearless.grader.check.property.Op;
import fearless.grader.check.property.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * The operations of the borrow property (create, borrow, borrowMut, get, set, close a borrow,
 * move, close an owner, isOwner) and the generator of their sequences.
 *
 * <p>Every op that may make an owner or a borrow has a label (its position in the generated
 * sequence), and every op that uses one names its maker's label. So when the minimizer removes an
 * op, the others keep meaning the same owners and borrows; ops whose target was never made (its
 * maker was removed, or refused) are skipped.
 */
final class BorrowOps {

    private static final int KINDS = 16;

    private BorrowOps() {
    }

    /** Sequences of 1 to {@code maxLength} ops that start with a {@code create}. */
    static Gen<List<Op<BorrowSystem, BorrowModel>>> sequences(int maxLength) {
        Gen<int[]> raw = integers().between(0, KINDS - 1).zip(integers().between(0, 1_000), (k, t) -> new int[] {k, t});
        return lists().of(raw).ofSizeBetween(0, maxLength - 1).map(BorrowOps::resolve);
    }

    /** Turns (kind, random target) pairs into ops whose targets are labels of earlier making ops. */
    private static List<Op<BorrowSystem, BorrowModel>> resolve(List<int[]> raw) {
        List<Op<BorrowSystem, BorrowModel>> ops = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<Integer> borrows = new ArrayList<>();
        List<Integer> mutables = new ArrayList<>();
        ops.add(new Create(0));
        owners.add(0);
        for (int[] pair : raw) {
            int label = ops.size();
            int owner = owners.get(pair[1] % owners.size());
            int kind = pair[0];
            if (borrows.isEmpty() && kind >= 6 && kind <= 12) {
                kind = 1; // nothing to use yet: borrow first
            } else if (mutables.isEmpty() && (kind == 8 || kind == 9)) {
                kind = 4;
            }
            Op<BorrowSystem, BorrowModel> op = switch (kind) {
                case 0 -> new Create(label);
                case 1, 2, 3 -> new Borrow(owner, label, false);
                case 4, 5 -> new Borrow(owner, label, true);
                case 6, 7 -> new Get(borrows.get(pair[1] % borrows.size()));
                case 8, 9 -> new Set(mutables.get(pair[1] % mutables.size()), label);
                case 10, 11, 12 -> new CloseBorrow(borrows.get(pair[1] % borrows.size()));
                case 13 -> new Move(owner, label);
                case 14 -> new CloseOwner(owner);
                default -> new IsOwner(owner);
            };
            if (op instanceof Create || op instanceof Move) {
                owners.add(label);
            } else if (op instanceof Borrow borrow) {
                borrows.add(label);
                if (borrow.mutable) {
                    mutables.add(label);
                }
            }
            ops.add(op);
        }
        return ops;
    }

    /** The expectation for using a moved or dropped owner: E0382. */
    private static Outcome dead() {
        return Outcome.error(ErrorCode.E0382).because("O2");
    }

    /** The expectation for moving or dropping a borrowed owner: E0505, and nothing changes. */
    private static Outcome borrowed(BorrowModel.OwnerSlot owner) {
        owner.refused = true;
        return Outcome.error(ErrorCode.E0505).because("O8");
    }

    /** The expectation for using a closed borrow: E0597, after its owner died too (L1) or not (L2). */
    private static Outcome closed(BorrowModel model, BorrowModel.BorrowSlot borrow) {
        return Outcome.error(ErrorCode.E0597).because(model.owner(borrow.owner).owner ? "L2" : "L1");
    }

    /**
     * An op on an earlier owner or borrow (its target). Its simpler variants aim at targets made
     * earlier, so a minimized sequence uses as few handles as it can.
     */
    private abstract static class Aimed implements Op<BorrowSystem, BorrowModel> {
        final int target;

        Aimed(int target) {
            this.target = target;
        }

        /** The same op, aimed at {@code other}. */
        abstract Aimed aimedAt(int other);

        @Override
        public List<? extends Op<BorrowSystem, BorrowModel>> simpler() {
            return Op.aimedAtEarlier(target, this::aimedAt);
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "(" + target + ")";
        }
    }

    /** An op on an owner. */
    private abstract static class OnOwner extends Aimed {
        OnOwner(int target) {
            super(target);
        }

        @Override
        public boolean enabledIn(BorrowModel model) {
            return model.hasOwner(target);
        }

        String name(BorrowModel model) {
            return model.owner(target).name;
        }
    }

    /** An op on a borrow. */
    private abstract static class OnBorrow extends Aimed {
        OnBorrow(int target) {
            super(target);
        }

        @Override
        public boolean enabledIn(BorrowModel model) {
            return model.hasBorrow(target);
        }

        String name(BorrowModel model) {
            return model.borrow(target).name;
        }
    }

    /** {@code Owner<String> oN = create("vK")}. */
    static final class Create implements Op<BorrowSystem, BorrowModel> {
        private final int label;

        Create(int label) {
            this.label = label;
        }

        @Override
        public String describe(BorrowModel model) {
            return "Owner<String> " + model.nextOwnerName() + " = create(\"" + model.nextValue() + "\")";
        }

        @Override
        public Outcome expect(BorrowModel model) {
            model.create(label);
            return Outcome.done().because("O1");
        }

        @Override
        public Outcome run(BorrowSystem system) {
            system.create(label);
            return Outcome.done();
        }
    }

    /** {@code Shared<String> rN = oI.borrow()}, or {@code Mutable<String> mN = oI.borrowMut()}. */
    static final class Borrow extends OnOwner {
        final boolean mutable;
        private final int label;

        Borrow(int target, int label, boolean mutable) {
            super(target);
            this.label = label;
            this.mutable = mutable;
        }

        @Override
        Aimed aimedAt(int other) {
            return new Borrow(other, label, mutable);
        }

        @Override
        public String describe(BorrowModel model) {
            String call = name(model) + (mutable ? ".borrowMut()" : ".borrow()");
            if (BorrowModel.refusal(model.owner(target), mutable) != null) {
                return call;
            }
            return (mutable ? "Mutable<String> " : "Shared<String> ") + model.nextBorrowName(mutable) + " = " + call;
        }

        @Override
        public Outcome expect(BorrowModel model) {
            BorrowModel.OwnerSlot owner = model.owner(target);
            ErrorCode refusal = BorrowModel.refusal(owner, mutable);
            if (refusal != null) {
                return Outcome.error(refusal).because(refusal == ErrorCode.E0382 ? "O2" : owner.released ? "B4" : "B2");
            }
            String rule = owner.released ? "B4" : mutable ? "B2" : "B1";
            model.lend(label, target, mutable);
            return Outcome.done().because(rule);
        }

        @Override
        public Outcome run(BorrowSystem system) {
            if (mutable) {
                system.putMutable(label, system.owner(target).borrowMut());
            } else {
                system.putShared(label, system.owner(target).borrow());
            }
            return Outcome.done();
        }
    }

    /** {@code rI.get()} or {@code mI.get()}. */
    static final class Get extends OnBorrow {
        Get(int target) {
            super(target);
        }

        @Override
        Aimed aimedAt(int other) {
            return new Get(other);
        }

        @Override
        public String describe(BorrowModel model) {
            return name(model) + ".get()";
        }

        @Override
        public Outcome expect(BorrowModel model) {
            BorrowModel.BorrowSlot borrow = model.borrow(target);
            if (!borrow.open) {
                return closed(model, borrow);
            }
            return Outcome.returned(model.owner(borrow.owner).value).because(borrow.mutable ? "B2" : "B1");
        }

        @Override
        public Outcome run(BorrowSystem system) {
            return Outcome.returned(system.get(target));
        }
    }

    /** {@code mI.set("wK")}: the old value is dropped. */
    static final class Set extends OnBorrow {
        private final int label;

        Set(int target, int label) {
            super(target);
            this.label = label;
        }

        @Override
        Aimed aimedAt(int other) {
            return new Set(other, label);
        }

        @Override
        public boolean enabledIn(BorrowModel model) {
            return super.enabledIn(model) && model.borrow(target).mutable;
        }

        private String value() {
            return "w" + label;
        }

        @Override
        public String describe(BorrowModel model) {
            return name(model) + ".set(\"" + value() + "\")";
        }

        @Override
        public Outcome expect(BorrowModel model) {
            BorrowModel.BorrowSlot borrow = model.borrow(target);
            if (!borrow.open) {
                return closed(model, borrow);
            }
            model.write(borrow, value());
            return Outcome.done().because("O3");
        }

        @Override
        public Outcome run(BorrowSystem system) {
            system.mutable(target).set(value());
            return Outcome.done();
        }
    }

    /** {@code rI.close()} or {@code mI.close()}. */
    static final class CloseBorrow extends OnBorrow {
        CloseBorrow(int target) {
            super(target);
        }

        @Override
        Aimed aimedAt(int other) {
            return new CloseBorrow(other);
        }

        @Override
        public String describe(BorrowModel model) {
            return name(model) + ".close()";
        }

        @Override
        public Outcome expect(BorrowModel model) {
            model.release(model.borrow(target));
            return Outcome.done().because("B4");
        }

        @Override
        public Outcome run(BorrowSystem system) {
            system.close(target);
            return Outcome.done();
        }
    }

    /** {@code Owner<String> oN = oI.move()}. */
    static final class Move extends OnOwner {
        private final int label;

        Move(int target, int label) {
            super(target);
            this.label = label;
        }

        @Override
        Aimed aimedAt(int other) {
            return new Move(other, label);
        }

        @Override
        public String describe(BorrowModel model) {
            BorrowModel.OwnerSlot owner = model.owner(target);
            String call = owner.name + ".move()";
            return owner.owner && !owner.borrowed() ? "Owner<String> " + model.nextOwnerName() + " = " + call : call;
        }

        @Override
        public Outcome expect(BorrowModel model) {
            BorrowModel.OwnerSlot owner = model.owner(target);
            if (!owner.owner) {
                return dead();
            }
            if (owner.borrowed()) {
                return borrowed(owner);
            }
            owner.owner = false;
            model.addOwner(label, owner.value);
            return Outcome.done().because("O2");
        }

        @Override
        public Outcome run(BorrowSystem system) {
            system.putOwner(label, system.owner(target).move());
            return Outcome.done();
        }
    }

    /** {@code oI.close()}. */
    static final class CloseOwner extends OnOwner {
        CloseOwner(int target) {
            super(target);
        }

        @Override
        Aimed aimedAt(int other) {
            return new CloseOwner(other);
        }

        @Override
        public String describe(BorrowModel model) {
            return name(model) + ".close()";
        }

        @Override
        public Outcome expect(BorrowModel model) {
            BorrowModel.OwnerSlot owner = model.owner(target);
            if (!owner.owner) {
                return Outcome.done().because("O3");
            }
            if (owner.borrowed()) {
                return borrowed(owner);
            }
            model.drop(owner);
            return Outcome.done().because("O3");
        }

        @Override
        public Outcome run(BorrowSystem system) {
            system.owner(target).close();
            return Outcome.done();
        }
    }

    /** {@code oI.isOwner()}. */
    static final class IsOwner extends OnOwner {
        IsOwner(int target) {
            super(target);
        }

        @Override
        Aimed aimedAt(int other) {
            return new IsOwner(other);
        }

        @Override
        public String describe(BorrowModel model) {
            return name(model) + ".isOwner()";
        }

        @Override
        public Outcome expect(BorrowModel model) {
            BorrowModel.OwnerSlot owner = model.owner(target);
            return Outcome.returned(owner.owner).because(!owner.owner ? "O2" : owner.refused ? "O8" : "O1");
        }

        @Override
        public Outcome run(BorrowSystem system) {
            return Outcome.returned(system.owner(target).isOwner());
        }
    }
}
