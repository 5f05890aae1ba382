package fearless.grader.checks.dropscope;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fearless.api.ErrorCode;
import fearless.grader.check.property.Op;
import fearless.grader.check.property.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * The operations of the scope property (own, own a resource that fails on close, own an equal
 * twin, moveOut, moveOut an equal stranger, owned, close) and the generator of their sequences.
 * Resources are named by the label of the op that made them, so a sequence keeps its meaning when
 * the minimizer removes steps.
 */
final class ScopeOps {

    private static final int KINDS = 12;

    private ScopeOps() {
    }

    /** Sequences of 1 to {@code maxLength} ops that start with an {@code own}. */
    static Gen<List<Op<ScopeSystem, ScopeModel>>> sequences(int maxLength) {
        Gen<int[]> raw = integers().between(0, KINDS - 1).zip(integers().between(0, 1_000), (k, t) -> new int[] {k, t});
        return lists().of(raw).ofSizeBetween(0, maxLength - 1).map(ScopeOps::resolve);
    }

    private static List<Op<ScopeSystem, ScopeModel>> resolve(List<int[]> raw) {
        List<Op<ScopeSystem, ScopeModel>> ops = new ArrayList<>();
        List<Integer> made = new ArrayList<>();
        ops.add(new Own(0, false));
        made.add(0);
        for (int[] pair : raw) {
            int label = ops.size();
            int target = made.get(pair[1] % made.size());
            Op<ScopeSystem, ScopeModel> op = switch (pair[0]) {
                case 0, 1, 2 -> new Own(label, false);
                case 3 -> new Own(label, true);
                case 4 -> new OwnTwin(label, target);
                case 5, 6, 7 -> new MoveOut(target);
                case 8 -> new MoveOutStranger(target);
                case 9 -> new Owned();
                case 10 -> new Close();
                default -> new Own(label, false);
            };
            if (op instanceof Own || op instanceof OwnTwin) {
                made.add(label);
            }
            ops.add(op);
        }
        return ops;
    }

    private static Outcome dead() {
        return Outcome.error(ErrorCode.E0382).because("O2");
    }

    /** {@code Res rN = scope.own(new Res("rN"))}, optionally a resource whose close throws. */
    static final class Own implements Op<ScopeSystem, ScopeModel> {
        private final int label;
        private final boolean failing;

        Own(int label, boolean failing) {
            this.label = label;
            this.failing = failing;
        }

        @Override
        public String describe(ScopeModel model) {
            String name = model.nextName();
            return "Res " + name + " = scope.own(new Res(\"" + name + "\")" + (failing ? ".failingOnClose()" : "") + ")";
        }

        @Override
        public Outcome expect(ScopeModel model) {
            String name = model.nextName();
            model.add(label, new ScopeModel.Resource(name, name, failing));
            if (model.ended()) {
                return dead();
            }
            model.own(label);
            return Outcome.returned(name).because("O4");
        }

        @Override
        public Outcome run(ScopeSystem system) {
            Res res = system.make(label, null, failing);
            return Outcome.returned(Res.identity(system.scope().own(res), res));
        }

        @Override
        public List<? extends Op<ScopeSystem, ScopeModel>> simpler() {
            return failing ? List.of(new Own(label, false)) : List.of();
        }
    }

    /** An op that names an earlier resource; its simpler variants name earlier ones still. */
    private abstract static class OnResource implements Op<ScopeSystem, ScopeModel> {
        final int target;

        OnResource(int target) {
            this.target = target;
        }

        abstract OnResource aimedAt(int other);

        @Override
        public boolean enabledIn(ScopeModel model) {
            return model.has(target);
        }

        @Override
        public List<? extends Op<ScopeSystem, ScopeModel>> simpler() {
            return Op.aimedAtEarlier(target, this::aimedAt);
        }
    }

    /** {@code Res rN = scope.own(new Res("rK"))}: equal to rK, but another object. */
    static final class OwnTwin extends OnResource {
        private final int label;

        OwnTwin(int label, int target) {
            super(target);
            this.label = label;
        }

        @Override
        OnResource aimedAt(int other) {
            return new OwnTwin(label, other);
        }

        @Override
        public String describe(ScopeModel model) {
            ScopeModel.Resource original = model.resource(target);
            return "Res " + model.nextName() + " = scope.own(new Res(\"" + original.key() + "\") /* equals "
                    + original.name() + ", another object */)";
        }

        @Override
        public Outcome expect(ScopeModel model) {
            String name = model.nextName();
            model.add(label, new ScopeModel.Resource(name, model.resource(target).key(), false));
            if (model.ended()) {
                return dead();
            }
            model.own(label);
            return Outcome.returned(name).because("O2");
        }

        @Override
        public Outcome run(ScopeSystem system) {
            Res res = system.make(label, system.get(target), false);
            return Outcome.returned(Res.identity(system.scope().own(res), res));
        }
    }

    /** {@code scope.moveOut(rK)}. */
    static final class MoveOut extends OnResource {
        MoveOut(int target) {
            super(target);
        }

        @Override
        OnResource aimedAt(int other) {
            return new MoveOut(other);
        }

        @Override
        public String describe(ScopeModel model) {
            return "scope.moveOut(" + model.resource(target).name() + ")";
        }

        @Override
        public Outcome expect(ScopeModel model) {
            if (model.ended() || !model.owns(target)) {
                return dead();
            }
            model.moveOut(target);
            return Outcome.returned(model.resource(target).name()).because("O4");
        }

        @Override
        public Outcome run(ScopeSystem system) {
            Res res = system.get(target);
            return Outcome.returned(Res.identity(system.scope().moveOut(res), res));
        }
    }

    /** {@code scope.moveOut(new Res("rK"))}: equal to an owned resource, but never owned itself. */
    static final class MoveOutStranger extends OnResource {
        MoveOutStranger(int target) {
            super(target);
        }

        @Override
        OnResource aimedAt(int other) {
            return new MoveOutStranger(other);
        }

        @Override
        public String describe(ScopeModel model) {
            ScopeModel.Resource original = model.resource(target);
            return "scope.moveOut(new Res(\"" + original.key() + "\") /* equals " + original.name()
                    + ", but never owned */)";
        }

        @Override
        public Outcome expect(ScopeModel model) {
            return dead();
        }

        @Override
        public Outcome run(ScopeSystem system) {
            Res stranger = system.stranger(system.get(target));
            return Outcome.returned(Res.identity(system.scope().moveOut(stranger), stranger));
        }
    }

    /** {@code scope.owned()}. */
    static final class Owned implements Op<ScopeSystem, ScopeModel> {
        @Override
        public String describe(ScopeModel model) {
            return "scope.owned()";
        }

        @Override
        public Outcome expect(ScopeModel model) {
            return Outcome.returned(model.owned()).because("O4");
        }

        @Override
        public Outcome run(ScopeSystem system) {
            return Outcome.returned(system.scope().owned());
        }
    }

    /** {@code scope.close()}: drops what it owns, last owned first; rethrows the first failure. */
    static final class Close implements Op<ScopeSystem, ScopeModel> {
        @Override
        public String describe(ScopeModel model) {
            return "scope.close()";
        }

        @Override
        public Outcome expect(ScopeModel model) {
            if (model.ended()) {
                return Outcome.done().because("O3");
            }
            String failed = model.end();
            return failed == null ? Outcome.done().because("O4")
                    : Outcome.threw(Res.DropFailure.class, failed + " failed to close").because("O3");
        }

        @Override
        public Outcome run(ScopeSystem system) {
            system.scope().close();
            return Outcome.done();
        }
    }
}
