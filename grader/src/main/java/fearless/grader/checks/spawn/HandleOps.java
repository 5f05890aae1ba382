package fearless.grader.checks.spawn;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fearless.api.ErrorCode;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.Threads;
import fearless.grader.check.property.Op;
import fearless.grader.check.property.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.quicktheories.core.Gen;

/**
 * The operations of the handle property (spawn in three ways, join, close, name, isFinished on a
 * used handle) and the generator of their sequences.
 *
 * <p>Every spawn has a label (its position in the generated sequence), and every op on a handle
 * names its spawn's label, so a minimized sequence keeps meaning the same handles.
 */
final class HandleOps {

    private static final int KINDS = 10;

    private HandleOps() {
    }

    /** Sequences of 1 to {@code maxLength} ops that start with a spawn. */
    static Gen<List<Op<ThreadHandles, HandleModel>>> sequences(int maxLength) {
        Gen<int[]> raw = integers().between(0, KINDS - 1).zip(integers().between(0, 1_000), (k, t) -> new int[] {k, t});
        return lists().of(raw).ofSizeBetween(0, maxLength - 1).map(HandleOps::resolve);
    }

    private static List<Op<ThreadHandles, HandleModel>> resolve(List<int[]> raw) {
        List<Op<ThreadHandles, HandleModel>> ops = new ArrayList<>();
        List<Integer> spawns = new ArrayList<>();
        ops.add(new Spawn(0, How.PLAIN, Body.RETURNS));
        spawns.add(0);
        for (int[] pair : raw) {
            int label = ops.size();
            int target = spawns.get(pair[1] % spawns.size());
            Op<ThreadHandles, HandleModel> op = switch (pair[0]) {
                case 0, 1, 2 -> new Spawn(label, How.values()[pair[1] % 3], Body.values()[(pair[1] / 3) % 3]);
                case 3, 4 -> new Join(target);
                case 5, 6 -> new Close(target);
                case 7, 8 -> new Name(target);
                default -> new IsFinished(target);
            };
            if (op instanceof Spawn) {
                spawns.add(label);
            }
            ops.add(op);
        }
        return ops;
    }

    /** How a thread is spawned. */
    enum How {
        PLAIN("threads.spawn"),
        BUILDER("threads.builder().spawn"),
        NAMED("threads.builder().name(\"t%d\").spawn");

        final String java;

        How(String java) {
            this.java = java;
        }
    }

    /** What a body does with its label {@code k}. */
    enum Body {
        RETURNS("() -> \"v%d\""),
        PANICS("() -> { throw new Panic(\"v%d\"); }"),
        PANICS_ANY("() -> { throw new Panic(\"any\", %d); }");

        final String java;

        Body(String java) {
            this.java = java;
        }

        Supplier<String> body(int k) {
            return switch (this) {
                case RETURNS -> () -> "v" + k;
                case PANICS -> () -> {
                    throw new Panic("v" + k);
                };
                case PANICS_ANY -> () -> {
                    throw new Panic("any", k);
                };
            };
        }

        Result<String, Object> outcome(int k) {
            return switch (this) {
                case RETURNS -> Result.ok("v" + k);
                case PANICS -> Result.err("v" + k);
                case PANICS_ANY -> Result.err(k);
            };
        }
    }

    /** {@code JoinHandle<String> hN = threads....spawn(body)}. */
    static final class Spawn implements Op<ThreadHandles, HandleModel> {
        private final int label;
        private final How how;
        private final Body body;

        Spawn(int label, How how, Body body) {
            this.label = label;
            this.how = how;
            this.body = body;
        }

        @Override
        public String describe(HandleModel model) {
            return "JoinHandle<String> " + model.nextVar() + " = " + String.format(how.java, label) + "("
                    + String.format(body.java, label) + ")";
        }

        @Override
        public Outcome expect(HandleModel model) {
            model.add(label, body.outcome(label),
                    how == How.NAMED ? Optional.of("t" + label) : Optional.empty());
            return Outcome.done().because("T1");
        }

        @Override
        public Outcome run(ThreadHandles system) {
            Threads threads = system.threads();
            Supplier<String> b = body.body(label);
            JoinHandle<String> h = switch (how) {
                case PLAIN -> threads.spawn(b);
                case BUILDER -> threads.builder().spawn(b);
                case NAMED -> threads.builder().name("t" + label).spawn(b);
            };
            system.put(label, h);
            return Outcome.done();
        }

        @Override
        public List<? extends Op<ThreadHandles, HandleModel>> simpler() {
            return how == How.PLAIN && body == Body.RETURNS ? List.of() : List.of(new Spawn(label, How.PLAIN, Body.RETURNS));
        }

        @Override
        public String toString() {
            return "Spawn(" + label + ", " + how + ", " + body + ")";
        }
    }

    /** An op on the handle of an earlier spawn. */
    private abstract static class OnHandle implements Op<ThreadHandles, HandleModel> {
        final int target;

        OnHandle(int target) {
            this.target = target;
        }

        abstract OnHandle aimedAt(int other);

        @Override
        public boolean enabledIn(HandleModel model) {
            return model.has(target);
        }

        String var(HandleModel model) {
            return model.slot(target).var;
        }

        @Override
        public List<? extends Op<ThreadHandles, HandleModel>> simpler() {
            return Op.aimedAtEarlier(target, this::aimedAt);
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "(" + target + ")";
        }
    }

    /** {@code hI.join()}: the outcome while unused, E0382 after a join or close. */
    static final class Join extends OnHandle {
        Join(int target) {
            super(target);
        }

        @Override
        OnHandle aimedAt(int other) {
            return new Join(other);
        }

        @Override
        public String describe(HandleModel model) {
            return var(model) + ".join()";
        }

        @Override
        public Outcome expect(HandleModel model) {
            HandleModel.Slot slot = model.slot(target);
            if (slot.used) {
                return Outcome.error(ErrorCode.E0382).because("T2");
            }
            slot.used = true;
            return Outcome.returned(slot.outcome).because("T2");
        }

        @Override
        public Outcome run(ThreadHandles system) {
            return Outcome.returned(system.get(target).join());
        }
    }

    /** {@code hI.close()}: detaches; nothing to see, and nothing on a used handle. */
    static final class Close extends OnHandle {
        Close(int target) {
            super(target);
        }

        @Override
        OnHandle aimedAt(int other) {
            return new Close(other);
        }

        @Override
        public String describe(HandleModel model) {
            return var(model) + ".close()";
        }

        @Override
        public Outcome expect(HandleModel model) {
            model.slot(target).used = true;
            return Outcome.done().because("T4");
        }

        @Override
        public Outcome run(ThreadHandles system) {
            system.get(target).close();
            return Outcome.done();
        }
    }

    /** {@code hI.name()} on a handle still unused: the builder's name, or empty. */
    static final class Name extends OnHandle {
        Name(int target) {
            super(target);
        }

        @Override
        OnHandle aimedAt(int other) {
            return new Name(other);
        }

        @Override
        public boolean enabledIn(HandleModel model) {
            return super.enabledIn(model) && !model.slot(target).used;
        }

        @Override
        public String describe(HandleModel model) {
            return var(model) + ".name()";
        }

        @Override
        public Outcome expect(HandleModel model) {
            return Outcome.returned(model.slot(target).name).because("T5");
        }

        @Override
        public Outcome run(ThreadHandles system) {
            return Outcome.returned(system.get(target).name());
        }
    }

    /** {@code hI.isFinished()} on a used handle: E0382 (on an unused one the answer depends on timing). */
    static final class IsFinished extends OnHandle {
        IsFinished(int target) {
            super(target);
        }

        @Override
        OnHandle aimedAt(int other) {
            return new IsFinished(other);
        }

        @Override
        public boolean enabledIn(HandleModel model) {
            return super.enabledIn(model) && model.slot(target).used;
        }

        @Override
        public String describe(HandleModel model) {
            return var(model) + ".isFinished()";
        }

        @Override
        public Outcome expect(HandleModel model) {
            return Outcome.error(ErrorCode.E0382).because("T2");
        }

        @Override
        public Outcome run(ThreadHandles system) {
            return Outcome.returned(system.get(target).isFinished());
        }
    }
}
