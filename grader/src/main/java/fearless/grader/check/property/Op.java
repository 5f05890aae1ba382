package fearless.grader.check.property;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * One step of a stateful property: a call on the system under test and the same call on a simple
 * model of it. Ops are immutable values, so a failing sequence can be replayed and minimized.
 *
 * <p>An op names what it acts on through the model's state (e.g. "the third handle created"),
 * never through objects of one run; so after the minimizer removes earlier ops, it still means
 * something, or it is {@linkplain #enabledIn disabled} and skipped.
 *
 * @param <S> the system under test (with whatever bookkeeping the check keeps around it)
 * @param <M> the model
 */
public interface Op<S, M> {

    /**
     * Whether the op makes sense in the model's current state (e.g. the handle it names exists).
     * A disabled op is skipped on both sides and not shown.
     */
    default boolean enabledIn(M model) {
        return true;
    }

    /**
     * How the step reads, as Java, in the model's state before it runs: {@code b1.get()},
     * {@code Box<String> b2 = b1.move()}.
     */
    String describe(M model);

    /** Applies the step to the model and returns the outcome the system must show. */
    Outcome expect(M model);

    /**
     * Applies the step to the system. An exception it throws is its outcome, so implementations
     * just make the call: {@code return Outcome.returned(box.get());}.
     */
    Outcome run(S system) throws Exception;

    /** Simpler variants of this op, simplest first, for the minimizer to try. */
    default List<? extends Op<S, M>> simpler() {
        return List.of();
    }

    /**
     * The same op aimed at each earlier label, {@code 0} first: the usual {@link #simpler()} of an
     * op on a handle, since a minimized sequence should use as few handles as it can.
     */
    static <O> List<O> aimedAtEarlier(int label, IntFunction<O> aimedAt) {
        return IntStream.range(0, label).mapToObj(aimedAt).toList();
    }
}
