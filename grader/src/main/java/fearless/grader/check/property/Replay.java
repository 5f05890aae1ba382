package fearless.grader.check.property;

import fearless.api.Unimplemented;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs one operation sequence against a fresh system and a fresh model side by side, and stops at
 * the first step where they disagree. The result lists the steps as numbered Java-like lines,
 * which is what the student reads.
 */
final class Replay<S, M> {

    /** Ends a replay at once: the submission is a stub, or the system could not even be set up. */
    static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort(Throwable cause) {
            super(cause);
        }
    }

    /** Where and how a replay broke. */
    record Failure(int step, String rule, String headline) {
    }

    /** The shown steps of a replay, and its failure, if any. */
    record Trace(List<String> steps, Failure failure) {
        boolean failed() {
            return failure != null;
        }
    }

    private final String subject;
    private final Supplier<? extends S> system;
    private final Supplier<? extends M> model;
    private final List<Invariant<S, M>> invariants;
    private final Consumer<? super S> cleanup;

    Replay(String subject, Supplier<? extends S> system, Supplier<? extends M> model,
            List<Invariant<S, M>> invariants, Consumer<? super S> cleanup) {
        this.subject = subject;
        this.system = system;
        this.model = model;
        this.invariants = List.copyOf(invariants);
        this.cleanup = cleanup;
    }

    /** Runs {@code ops}; throws {@link Abort} if the submission turns out to be unimplemented. */
    Trace run(List<? extends Op<S, M>> ops) {
        S sys = setUp();
        M mod = model.get();
        List<String> steps = new ArrayList<>();
        try {
            for (Op<S, M> op : ops) {
                if (!op.enabledIn(mod)) {
                    continue;
                }
                int number = steps.size() + 1;
                String call = op.describe(mod);
                Outcome expected = op.expect(mod);
                Outcome actual = attempt(op, sys, number, call);
                if (!expected.matches(actual)) {
                    steps.add(number + ". " + call + "  -> expected " + expected + ", got " + actual);
                    String rule = expected.rule() == null ? "" : expected.rule() + " ";
                    return new Trace(steps, new Failure(number, expected.rule(), "the " + subject + " broke "
                            + rule + "at step " + number + ": " + call + " should " + expected.asExpected()
                            + ", but " + actual.asActual() + "."));
                }
                Failure broken = checkInvariants(sys, mod, number, call, steps);
                if (broken != null) {
                    return new Trace(steps, broken);
                }
                steps.add(number + ". " + call + (expected.returnsValue() ? "  -> " + actual : ""));
            }
            return new Trace(steps, null);
        } finally {
            cleanUp(sys);
        }
    }

    private S setUp() {
        try {
            return system.get();
        } catch (RuntimeException | Error e) {
            throw new Abort(e);
        }
    }

    private void cleanUp(S sys) {
        try {
            cleanup.accept(sys);
        } catch (RuntimeException e) {
            // a failing cleanup must not hide the verdict of the steps themselves
        }
    }

    private Outcome attempt(Op<S, M> op, S sys, int number, String call) {
        try {
            return Objects.requireNonNull(op.run(sys), "an op returned no outcome");
        } catch (StackOverflowError e) {
            // The submission's own endless recursion: its failure, and no sequence to minimize.
            throw new Abort(new StepFailure("step " + number + ": " + call, e));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            if (unimplemented(t) != null) {
                throw new Abort(new StepFailure("step " + number + ": " + call, t));
            }
            return Outcome.threw(t);
        }
    }

    private Failure checkInvariants(S sys, M mod, int number, String call, List<String> steps) {
        for (Invariant<S, M> invariant : invariants) {
            Object want = invariant.expected().apply(mod);
            Object got;
            try {
                got = invariant.actual().apply(sys);
            } catch (RuntimeException e) {
                if (unimplemented(e) != null) {
                    throw new Abort(new StepFailure("step " + number + ": " + call, e));
                }
                got = e;
            }
            if (!Objects.equals(want, got)) {
                steps.add(number + ". " + call + "  -> " + invariant.what() + ": expected " + want + ", got " + got);
                return new Failure(number, invariant.rule(), "the " + subject + " broke " + invariant.rule()
                        + " at step " + number + ": after " + call + ", " + invariant.what() + " should be "
                        + want + ", but " + (got instanceof Throwable ? "reading them threw " + got : "are " + got)
                        + ".");
            }
        }
        return null;
    }

    /** The stub's {@link Unimplemented} that is {@code t} or caused it, or null. */
    static Unimplemented unimplemented(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof Unimplemented u) {
                return u;
            }
        }
        return null;
    }

    /** The step at which a replay was aborted ({@code "step 1: ..."}), carrying what was thrown there. */
    static final class StepFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final String step;

        StepFailure(String step, Throwable cause) {
            super(cause);
            this.step = step;
        }
    }
}
