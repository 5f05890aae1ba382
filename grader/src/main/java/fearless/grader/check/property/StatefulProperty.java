package fearless.grader.check.property;

import fearless.grader.check.Safely;
import static org.quicktheories.QuickTheory.qt;

import fearless.grader.check.GraderError;
import fearless.grader.check.Hung;
import fearless.grader.check.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;

/**
 * A stateful model test: QuickTheories generates random operation sequences, each runs against a
 * fresh system under test and a fresh simple model, and every step's outcome (and every
 * {@link Invariant}) must agree. The first disagreement is minimized with {@link Minimizer} and
 * reported as numbered Java-like steps, with the rule it breaks and the seed.
 *
 * <pre>{@code
 * StatefulProperty.of("box", () -> new Handles(provider), BoxModel::new, sequences)
 *         .invariant(new Invariant<>("drops so far", "O3", Handles::drops, BoxModel::drops))
 *         .check("box/ownership_model");
 * }</pre>
 *
 * <p>A stub fails at its first call: the feedback is the stub's "not yet implemented" message,
 * without running the remaining examples.
 *
 * @param <S> the system under test
 * @param <M> the model
 */
public final class StatefulProperty<S, M> {

    /** Examples run unless {@link #examples(int)} says otherwise. */
    public static final int DEFAULT_EXAMPLES = 200;

    private static final int MAX_SHOWN_STEPS = 40;

    private final String subject;
    private final Supplier<? extends S> system;
    private final Supplier<? extends M> model;
    private final Gen<? extends List<? extends Op<S, M>>> sequences;
    private final List<Invariant<S, M>> invariants = new ArrayList<>();
    private Consumer<? super S> cleanup = s -> { };
    private int examples = DEFAULT_EXAMPLES;

    private StatefulProperty(String subject, Supplier<? extends S> system, Supplier<? extends M> model,
            Gen<? extends List<? extends Op<S, M>>> sequences) {
        this.subject = Objects.requireNonNull(subject);
        this.system = Objects.requireNonNull(system);
        this.model = Objects.requireNonNull(model);
        this.sequences = Objects.requireNonNull(sequences);
    }

    /**
     * A property over {@code sequences}.
     *
     * @param subject what is tested, as the feedback names it: {@code "box"} gives "the box broke O2 ..."
     * @param system a fresh system under test, per sequence
     * @param model a fresh model, per sequence
     * @param sequences the generator of operation sequences
     */
    public static <S, M> StatefulProperty<S, M> of(String subject, Supplier<? extends S> system,
            Supplier<? extends M> model, Gen<? extends List<? extends Op<S, M>>> sequences) {
        return new StatefulProperty<>(subject, system, model, sequences);
    }

    /** Adds something that must read the same on system and model after every step. */
    public StatefulProperty<S, M> invariant(Invariant<S, M> invariant) {
        invariants.add(Objects.requireNonNull(invariant));
        return this;
    }

    /** Runs after each sequence, pass or fail (e.g. to release locks a sequence left held). */
    public StatefulProperty<S, M> cleanup(Consumer<? super S> cleanup) {
        this.cleanup = Objects.requireNonNull(cleanup);
        return this;
    }

    /** How many sequences to generate. */
    public StatefulProperty<S, M> examples(int examples) {
        if (examples < 1) {
            throw new IllegalArgumentException("examples must be positive: " + examples);
        }
        this.examples = examples;
        return this;
    }

    /** Runs the property with the seed of check {@code checkId} (see {@link Seeds#forCheck}). */
    public void check(String checkId) {
        check(Seeds.forCheck(checkId), Seeds.seed());
    }

    /**
     * Runs the property.
     *
     * @param seed the generator's seed
     * @param shownSeed the seed the feedback tells the student to rerun with
     * @throws AssertionFailedError with the minimized counterexample if system and model disagree
     */
    public void check(long seed, long shownSeed) {
        Replay<S, M> replay = new Replay<>(subject, system, model, invariants, cleanup);
        FirstFailure<S, M> first = new FirstFailure<>();
        AtomicInteger tried = new AtomicInteger();
        try {
            qt().withFixedSeed(seed)
                    .withExamples(examples)
                    .withShrinkCycles(0)
                    .withReporter(first)
                    .forAll(sequences)
                    .checkAssert(ops -> {
                        tried.incrementAndGet();
                        try {
                            if (replay.run(ops).failed()) {
                                first.ops = List.copyOf(ops);
                            }
                        } catch (Replay.Abort abort) {
                            first.abort = abort;
                        } catch (Hung hung) {
                            first.hung = hung; // the submission's code never returned: its failure, not the check's
                        } catch (RuntimeException | Error bug) {
                            first.bug = bug;
                        }
                        if (first.found()) {
                            throw new FirstFailure.Stop();
                        }
                    });
        } catch (IllegalStateException e) {
            throw new GraderError("the " + subject + " property could not generate its examples: " + e.getMessage(), e);
        }
        if (first.hung != null) {
            throw first.hung;
        }
        if (first.bug != null) {
            throw new GraderError("the " + subject + " property failed by itself (a bug in the check): " + first.bug,
                    first.bug);
        }
        if (first.abort != null) {
            throw aborted(first.abort);
        }
        if (first.ops != null) {
            throw counterexample(replay, first.ops, tried.get(), shownSeed);
        }
    }

    private AssertionError counterexample(Replay<S, M> replay, List<Op<S, M>> failing, int example, long shownSeed) {
        List<Op<S, M>> minimal = Minimizer.minimize(failing, candidate -> fails(replay, candidate),
                Op::simpler, Minimizer.DEFAULT_BUDGET);
        Replay.Trace trace = replay.run(minimal);
        if (!trace.failed()) {
            trace = replay.run(failing); // the system is not deterministic: show the sequence as found
        }
        StringBuilder text = new StringBuilder(trace.failure().headline()).append('\n');
        text.append("Minimized sequence (").append(trace.steps().size()).append(" steps, from ")
                .append(failing.size()).append(" generated):\n");
        List<String> steps = trace.steps();
        int from = Math.max(0, steps.size() - MAX_SHOWN_STEPS);
        if (from > 0) {
            text.append("  ... ").append(from).append(" earlier steps\n");
        }
        for (String step : steps.subList(from, steps.size())) {
            text.append("  ").append(step).append('\n');
        }
        text.append("Seed: ").append(shownSeed).append(" (example ").append(example).append(" of ")
                .append(examples).append("; rerun with --seed ").append(shownSeed).append(')');
        return new AssertionFailedError(text.toString());
    }

    private static <S, M> boolean fails(Replay<S, M> replay, List<Op<S, M>> candidate) {
        try {
            return replay.run(candidate).failed();
        } catch (Replay.Abort abort) {
            return false;
        }
    }

    private AssertionError aborted(Replay.Abort abort) {
        Throwable cause = abort.getCause();
        String step = null;
        if (cause instanceof Replay.StepFailure failure) {
            step = failure.step;
            cause = failure.getCause();
        }
        if (cause instanceof AssertionError assertion && step == null) {
            return assertion;
        }
        Throwable stub = Replay.unimplemented(cause);
        String first = stub != null ? Safely.message(stub)
                : step == null ? "the " + subject + " could not be set up: " + Safely.describe(cause)
                : "the " + subject + " threw " + Safely.describe(cause);
        return new AssertionFailedError(first + (step == null ? "" : "\n  first reached at " + step), cause);
    }

    /** Remembers the first failing sequence; QuickTheories' own report is not used. */
    private static final class FirstFailure<S, M> implements Reporter {
        List<Op<S, M>> ops;
        Replay.Abort abort;
        Hung hung;
        Throwable bug;

        /** Thrown into QuickTheories to end the search at the first failure, without its shrinking. */
        static final class Stop extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Stop() {
                super("first failure found", null, false, false);
            }
        }

        boolean found() {
            return ops != null || abort != null || hung != null || bug != null;
        }

        @Override
        public void falisification(long seed, int examplesUsed, Object smallest, List<Object> examples,
                AsString<Object> toString) {
            // recorded by the property itself
        }

        @Override
        public void falisification(long seed, int examplesUsed, Object smallest, Throwable cause,
                List<Object> examples, AsString<Object> toString) {
            // recorded by the property itself
        }

        @Override
        public void valuesExhausted(int completedExamples) {
            throw new IllegalStateException("gave up after " + completedExamples + " examples");
        }
    }
}
