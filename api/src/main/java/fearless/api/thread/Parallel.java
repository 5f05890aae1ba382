package fearless.api.thread;

import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Work split across threads and combined through their join results: the first concurrent
 * programs of the Rust book, where each spawned thread computes a part and the spawning thread
 * joins the handles in order and puts the parts together.
 *
 * <p>Both methods split {@code inputs} into contiguous chunks, as many as {@code threads} but
 * never more than there are inputs, whose sizes differ by at most one; each chunk is worked on
 * by its own thread, spawned through the {@link Threads} this was built with (T1), and all of
 * them run at once. The caller only spawns, joins and combines (T2): {@code map}'s function and
 * each chunk's fold run on the spawned threads, and each input is seen exactly once. Every
 * spawned thread is joined before the method returns or throws, so none is left running. If a
 * function throws on a spawned thread, the method throws a {@link fearless.api.Panic} whose
 * payload is that thread's join error (the first failing chunk's, in input order), after joining
 * the others. A {@code threads} count below one is an {@link IllegalArgumentException}, whatever
 * the inputs, and spawns no thread. Empty inputs spawn no thread.
 */
public interface Parallel {

    /**
     * {@code f} applied to every input, the results in the order of the inputs.
     */
    <T, R> List<R> map(List<? extends T> inputs, int threads, Function<? super T, ? extends R> f);

    /**
     * The inputs combined with the associative {@code op}: each thread folds its chunk from
     * {@code identity}, and the caller combines the chunks' results in input order, so the answer
     * equals the sequential fold {@code op(...op(op(identity, x0), x1)..., xn)} for any
     * associative {@code op} with {@code identity} as its identity. Empty inputs give
     * {@code identity}.
     */
    <T> T reduce(List<? extends T> inputs, int threads, T identity, BinaryOperator<T> op);
}
