package fearless.grader.checks.arc;

import fearless.grader.checks.rc.RcModel;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fearless.api.ErrorCode;
import fearless.api.Result;
import fearless.api.sync.Arc;
import fearless.api.sync.Weak;
import fearless.grader.check.property.Op;
import fearless.grader.check.property.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;

/**
 * The operations of the rc property and the generator of their sequences: create, newWeak,
 * cloneArc, downgrade, upgrade, cloneWeak, close (strong and weak), tryUnwrap, getMut, get, the
 * counts and ptrEq.
 *
 * <p>Every op that may make a handle has a label (its position in the generated sequence), and
 * every op that uses a handle names its maker's label. So when the minimizer removes an op, the
 * others keep meaning the same handles; ops whose handle does not exist (or is of the other kind)
 * are skipped.
 */
final class ArcOps {

    /** What every {@code getMut} does to the value: the change is told apart by a star. */
    static final String STAR = "*";

    private static final int KINDS = 24;

    private ArcOps() {
    }

    /** Sequences of 1 to {@code maxLength} ops that start with a {@code create}. */
    static Gen<List<Op<ArcHandles, RcModel>>> sequences(int maxLength) {
        Gen<int[]> raw = integers().between(0, KINDS - 1)
                .zip(integers().between(0, 1_000), integers().between(0, 1_000), (k, t, o) -> new int[] {k, t, o});
        return lists().of(raw).ofSizeBetween(0, maxLength - 1).map(ArcOps::resolve);
    }

    /** Turns (kind, random target, random other) triples into ops aimed at labels of earlier handle-making ops. */
    private static List<Op<ArcHandles, RcModel>> resolve(List<int[]> raw) {
        List<Op<ArcHandles, RcModel>> ops = new ArrayList<>();
        List<Integer> arcs = new ArrayList<>();
        List<Integer> weaks = new ArrayList<>();
        ops.add(new Create(0));
        arcs.add(0);
        for (int[] triple : raw) {
            int label = ops.size();
            int rc = arcs.get(triple[1] % arcs.size());
            int other = arcs.get(triple[2] % arcs.size());
            int kind = triple[0];
            if (kind >= 13 && kind <= 19 && weaks.isEmpty()) {
                kind = 4; // an op on a weak handle, but there is none yet: make one
            }
            int weak = weaks.isEmpty() ? -1 : weaks.get(triple[1] % weaks.size());
            Op<ArcHandles, RcModel> op = switch (kind) {
                case 0 -> new Create(label);
                case 1, 2, 3 -> new CloneRc(rc, label);
                case 4, 5 -> new Downgrade(rc, label);
                case 6, 7, 8 -> new CloseRc(rc);
                case 9 -> new TryUnwrap(rc);
                case 10 -> new GetMut(rc);
                case 11 -> new Get(rc);
                case 12 -> new Counts(rc);
                case 13, 14, 15 -> new Upgrade(weak, label);
                case 16 -> new CloneWeak(weak, label);
                case 17, 18 -> new CloseWeak(weak);
                case 19 -> new WeakCounts(weak);
                case 20 -> new PtrEq(rc, other);
                case 21 -> new NewWeak(label);
                case 22 -> new TryUnwrap(rc);
                default -> new GetMut(rc);
            };
            if (op instanceof Create || op instanceof CloneRc || op instanceof Upgrade) {
                arcs.add(label);
            } else if (op instanceof Downgrade || op instanceof CloneWeak || op instanceof NewWeak) {
                weaks.add(label);
            }
            ops.add(op);
        }
        return ops;
    }

    /** The expectation for using a closed or unwrapped handle: E0382. */
    private static Outcome dead(String rule) {
        return Outcome.error(ErrorCode.E0382).because(rule);
    }

    /**
     * An op on an existing handle (its target). Its simpler variants aim at handles made earlier,
     * so a minimized sequence uses as few handles as it can.
     */
    private abstract static class OnHandle implements Op<ArcHandles, RcModel> {
        final int target;

        OnHandle(int target) {
            this.target = target;
        }

        /** Whether the target is a strong handle (else a weak one). */
        abstract boolean onRc();

        /** The same op, aimed at {@code other}. */
        abstract OnHandle aimedAt(int other);

        @Override
        public boolean enabledIn(RcModel model) {
            return onRc() ? model.isRc(target) : model.isWeak(target);
        }

        RcModel.Handle handle(RcModel model) {
            return model.handle(target);
        }

        String name(RcModel model) {
            return model.handle(target).name;
        }

        @Override
        public List<? extends Op<ArcHandles, RcModel>> simpler() {
            return Op.aimedAtEarlier(target, this::aimedAt);
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "(" + target + ")";
        }
    }

    /** {@code Arc<String> rN = create("vK")}. */
    static final class Create implements Op<ArcHandles, RcModel> {
        private final int label;

        Create(int label) {
            this.label = label;
        }

        @Override
        public String describe(RcModel model) {
            return "Arc<String> " + model.nextRc() + " = create(\"" + model.nextValue() + "\")";
        }

        @Override
        public Outcome expect(RcModel model) {
            model.create(label);
            return Outcome.done().because("A1");
        }

        @Override
        public Outcome run(ArcHandles system) {
            system.create(label);
            return Outcome.done();
        }
    }

    /** {@code Weak<String> wN = newWeak()}. */
    static final class NewWeak implements Op<ArcHandles, RcModel> {
        private final int label;

        NewWeak(int label) {
            this.label = label;
        }

        @Override
        public String describe(RcModel model) {
            return "Weak<String> " + model.nextWeak() + " = newWeak()";
        }

        @Override
        public Outcome expect(RcModel model) {
            model.addWeak(label, null);
            return Outcome.done().because("A5");
        }

        @Override
        public Outcome run(ArcHandles system) {
            system.newWeak(label);
            return Outcome.done();
        }
    }

    /** {@code Arc<String> rN = rI.cloneArc()}. */
    static final class CloneRc extends OnHandle {
        private final int label;

        CloneRc(int target, int label) {
            super(target);
            this.label = label;
        }

        @Override
        boolean onRc() {
            return true;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new CloneRc(other, label);
        }

        @Override
        public String describe(RcModel model) {
            String call = name(model) + ".cloneArc()";
            return handle(model).live ? "Arc<String> " + model.nextRc() + " = " + call : call;
        }

        @Override
        public Outcome expect(RcModel model) {
            RcModel.Handle h = handle(model);
            if (!h.live) {
                return dead("A1");
            }
            h.value.strong++;
            model.addRc(label, h.value);
            return Outcome.done().because("A1");
        }

        @Override
        public Outcome run(ArcHandles system) {
            system.put(label, system.rc(target).cloneArc());
            return Outcome.done();
        }
    }

    /** {@code Weak<String> wN = rI.downgrade()}. */
    static final class Downgrade extends OnHandle {
        private final int label;

        Downgrade(int target, int label) {
            super(target);
            this.label = label;
        }

        @Override
        boolean onRc() {
            return true;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new Downgrade(other, label);
        }

        @Override
        public String describe(RcModel model) {
            String call = name(model) + ".downgrade()";
            return handle(model).live ? "Weak<String> " + model.nextWeak() + " = " + call : call;
        }

        @Override
        public Outcome expect(RcModel model) {
            RcModel.Handle h = handle(model);
            if (!h.live) {
                return dead("A1");
            }
            h.value.weak++;
            model.addWeak(label, h.value);
            return Outcome.done().because("A1");
        }

        @Override
        public Outcome run(ArcHandles system) {
            system.put(label, system.rc(target).downgrade());
            return Outcome.done();
        }
    }

    /** {@code rI.close()}. */
    static final class CloseRc extends OnHandle {
        CloseRc(int target) {
            super(target);
        }

        @Override
        boolean onRc() {
            return true;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new CloseRc(other);
        }

        @Override
        public String describe(RcModel model) {
            return name(model) + ".close()";
        }

        @Override
        public Outcome expect(RcModel model) {
            RcModel.Handle h = handle(model);
            if (h.live) {
                h.live = false;
                model.release(h.value);
            }
            return Outcome.done().because("A2");
        }

        @Override
        public Outcome run(ArcHandles system) {
            system.rc(target).close();
            return Outcome.done();
        }
    }

    /** {@code rI.tryUnwrap()}: {@code Ok(value)} from the only strong reference, else {@code Err} with the same handle. */
    static final class TryUnwrap extends OnHandle {
        TryUnwrap(int target) {
            super(target);
        }

        @Override
        boolean onRc() {
            return true;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new TryUnwrap(other);
        }

        @Override
        public String describe(RcModel model) {
            return name(model) + ".tryUnwrap()";
        }

        @Override
        public Outcome expect(RcModel model) {
            RcModel.Handle h = handle(model);
            if (!h.live) {
                return dead("A3");
            }
            if (h.value.strong != 1) {
                return Outcome.returned(Shown.ERR_SAME).because("A3");
            }
            h.live = false;
            h.value.strong = 0;
            return Outcome.returned(Shown.ok(h.value.value)).because("A3");
        }

        @Override
        public Outcome run(ArcHandles system) {
            Arc<String> rc = system.rc(target);
            Result<String, Arc<String>> result = rc.tryUnwrap();
            if (result instanceof Result.Ok<String, Arc<String>> ok) {
                return Outcome.returned(Shown.ok(ok.value()));
            }
            if (result instanceof Result.Err<String, Arc<String>> err) {
                return Outcome.returned(err.error() == rc ? Shown.ERR_SAME : new Shown("Err(another handle)"));
            }
            return Outcome.returned(null);
        }
    }

    /** {@code rI.getMut(v -> v + "*")}. */
    static final class GetMut extends OnHandle {
        GetMut(int target) {
            super(target);
        }

        @Override
        boolean onRc() {
            return true;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new GetMut(other);
        }

        @Override
        public String describe(RcModel model) {
            return name(model) + ".getMut(v -> v + \"" + STAR + "\")";
        }

        @Override
        public Outcome expect(RcModel model) {
            RcModel.Handle h = handle(model);
            if (!h.live) {
                return dead("A4");
            }
            if (h.value.strong != 1 || h.value.weak != 0) {
                return Outcome.returned(false).because("A4");
            }
            h.value.value += STAR;
            return Outcome.returned(true).because("A4");
        }

        @Override
        public Outcome run(ArcHandles system) {
            boolean[] called = {false};
            boolean changed = system.rc(target).getMut(v -> {
                called[0] = true;
                return v + STAR;
            });
            if (changed != called[0]) {
                return Outcome.returned(new Shown(changed + (changed ? ", without calling update" : ", after calling update")));
            }
            return Outcome.returned(changed);
        }
    }

    /** {@code rI.get()}. */
    static final class Get extends OnHandle {
        Get(int target) {
            super(target);
        }

        @Override
        boolean onRc() {
            return true;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new Get(other);
        }

        @Override
        public String describe(RcModel model) {
            return name(model) + ".get()";
        }

        @Override
        public Outcome expect(RcModel model) {
            RcModel.Handle h = handle(model);
            return h.live ? Outcome.returned(h.value.value).because("A2") : dead("A1");
        }

        @Override
        public Outcome run(ArcHandles system) {
            return Outcome.returned(system.rc(target).get());
        }
    }

    /** {@code rI.strongCount()} and {@code rI.weakCount()}. */
    static final class Counts extends OnHandle {
        Counts(int target) {
            super(target);
        }

        @Override
        boolean onRc() {
            return true;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new Counts(other);
        }

        @Override
        public String describe(RcModel model) {
            String name = name(model);
            return name + ".strongCount(), " + name + ".weakCount()";
        }

        @Override
        public Outcome expect(RcModel model) {
            RcModel.Handle h = handle(model);
            return h.live ? Outcome.returned(Shown.counts(h.value.strong, h.value.weak)).because("A1") : dead("A1");
        }

        @Override
        public Outcome run(ArcHandles system) {
            Arc<String> rc = system.rc(target);
            return Outcome.returned(Shown.counts(rc.strongCount(), rc.weakCount()));
        }
    }

    /** {@code rI.ptrEq(rJ)}. */
    static final class PtrEq extends OnHandle {
        private final int other;

        PtrEq(int target, int other) {
            super(target);
            this.other = other;
        }

        @Override
        boolean onRc() {
            return true;
        }

        @Override
        OnHandle aimedAt(int newTarget) {
            return new PtrEq(newTarget, other);
        }

        @Override
        public boolean enabledIn(RcModel model) {
            return model.isRc(target) && model.isRc(other);
        }

        @Override
        public List<? extends Op<ArcHandles, RcModel>> simpler() {
            List<Op<ArcHandles, RcModel>> simpler = new ArrayList<>(Op.aimedAtEarlier(target, this::aimedAt));
            simpler.addAll(Op.aimedAtEarlier(other, o -> new PtrEq(target, o)));
            return simpler;
        }

        @Override
        public String describe(RcModel model) {
            return name(model) + ".ptrEq(" + model.handle(other).name + ")";
        }

        @Override
        public Outcome expect(RcModel model) {
            RcModel.Handle h = handle(model);
            RcModel.Handle o = model.handle(other);
            if (!h.live || !o.live) {
                return dead("A1");
            }
            return Outcome.returned(h.value == o.value).because("A1");
        }

        @Override
        public Outcome run(ArcHandles system) {
            return Outcome.returned(system.rc(target).ptrEq(system.rc(other)));
        }

        @Override
        public String toString() {
            return "PtrEq(" + target + ", " + other + ")";
        }
    }

    /** {@code Arc<String> rN = wI.upgrade().get()} when the value lives, else {@code wI.upgrade()}. */
    static final class Upgrade extends OnHandle {
        private final int label;

        Upgrade(int target, int label) {
            super(target);
            this.label = label;
        }

        @Override
        boolean onRc() {
            return false;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new Upgrade(other, label);
        }

        private static boolean upgrades(RcModel.Handle h) {
            return h.live && h.value != null && h.value.alive();
        }

        @Override
        public String describe(RcModel model) {
            String call = name(model) + ".upgrade()";
            return upgrades(handle(model)) ? "Arc<String> " + model.nextRc() + " = " + call + ".get()" : call;
        }

        @Override
        public Outcome expect(RcModel model) {
            RcModel.Handle h = handle(model);
            if (!h.live) {
                return dead("A5");
            }
            if (!upgrades(h)) {
                return Outcome.returned(Shown.EMPTY).because("A5");
            }
            h.value.strong++;
            model.addRc(label, h.value);
            return Outcome.returned(Shown.PRESENT).because("A5");
        }

        @Override
        public Outcome run(ArcHandles system) {
            Optional<Arc<String>> upgraded = system.weak(target).upgrade();
            if (upgraded == null) {
                return Outcome.returned(null);
            }
            if (upgraded.isEmpty()) {
                return Outcome.returned(Shown.EMPTY);
            }
            system.put(label, upgraded.get());
            return Outcome.returned(Shown.PRESENT);
        }
    }

    /** {@code Weak<String> wN = wI.cloneWeak()}. */
    static final class CloneWeak extends OnHandle {
        private final int label;

        CloneWeak(int target, int label) {
            super(target);
            this.label = label;
        }

        @Override
        boolean onRc() {
            return false;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new CloneWeak(other, label);
        }

        @Override
        public String describe(RcModel model) {
            String call = name(model) + ".cloneWeak()";
            return handle(model).live ? "Weak<String> " + model.nextWeak() + " = " + call : call;
        }

        @Override
        public Outcome expect(RcModel model) {
            RcModel.Handle h = handle(model);
            if (!h.live) {
                return dead("A5");
            }
            if (h.value != null) {
                h.value.weak++;
            }
            model.addWeak(label, h.value);
            return Outcome.done().because("A1");
        }

        @Override
        public Outcome run(ArcHandles system) {
            Weak<String> clone = system.weak(target).cloneWeak();
            system.put(label, clone);
            return Outcome.done();
        }
    }

    /** {@code wI.close()}. */
    static final class CloseWeak extends OnHandle {
        CloseWeak(int target) {
            super(target);
        }

        @Override
        boolean onRc() {
            return false;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new CloseWeak(other);
        }

        @Override
        public String describe(RcModel model) {
            return name(model) + ".close()";
        }

        @Override
        public Outcome expect(RcModel model) {
            RcModel.Handle h = handle(model);
            if (h.live) {
                h.live = false;
                if (h.value != null) {
                    h.value.weak--;
                }
            }
            return Outcome.done().because("A2");
        }

        @Override
        public Outcome run(ArcHandles system) {
            system.weak(target).close();
            return Outcome.done();
        }
    }

    /** {@code wI.strongCount()} and {@code wI.weakCount()}: both 0 once no strong reference remains. */
    static final class WeakCounts extends OnHandle {
        WeakCounts(int target) {
            super(target);
        }

        @Override
        boolean onRc() {
            return false;
        }

        @Override
        OnHandle aimedAt(int other) {
            return new WeakCounts(other);
        }

        @Override
        public String describe(RcModel model) {
            String name = name(model);
            return name + ".strongCount(), " + name + ".weakCount()";
        }

        @Override
        public Outcome expect(RcModel model) {
            RcModel.Handle h = handle(model);
            if (!h.live) {
                return dead("A5");
            }
            if (h.value == null || !h.value.alive()) {
                return Outcome.returned(Shown.counts(0, 0)).because("A5");
            }
            return Outcome.returned(Shown.counts(h.value.strong, h.value.weak)).because("A1");
        }

        @Override
        public Outcome run(ArcHandles system) {
            Weak<String> weak = system.weak(target);
            return Outcome.returned(Shown.counts(weak.strongCount(), weak.weakCount()));
        }
    }
}
