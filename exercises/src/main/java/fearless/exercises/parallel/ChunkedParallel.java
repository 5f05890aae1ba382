package fearless.exercises.parallel;

import fearless.api.Unimplemented;
import fearless.api.thread.Parallel;
import fearless.api.thread.Threads;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Exercise {@code parallel}: a computation split across threads, and put together from their
 * join results. Read {@code course-notes/07-threads.md}, section 12, first.
 *
 * <p>Both methods do the same four steps. <b>Split</b> the inputs into contiguous chunks, as many
 * as {@code threads} but never more than there are inputs, whose sizes differ by at most one.
 * <b>Spawn</b> one thread per chunk through the {@link Threads} you were given (T1), keeping the
 * handles, and only then <b>join</b> them (T2): all the chunks must run at once. <b>Combine</b> the
 * join results in input order: {@code map} puts the results of {@code f} in the order of the
 * inputs; {@code reduce} has each thread fold its chunk from {@code identity} with {@code op},
 * then combines the chunks' results, again from {@code identity}, in input order.
 *
 * <p>{@code f} and the chunk folds run on the spawned threads, never on the caller's. If a chunk's
 * thread fails, join every other thread anyway, then throw a {@code Panic} whose payload is the
 * join error of the first failing chunk (in input order). {@code threads} below one is an
 * {@code IllegalArgumentException}; empty inputs spawn nothing.
 *
 * <p>Hints:
 * <ul>
 *   <li>Chunk {@code i} of {@code n} gets {@code size / n} inputs, plus one for the first
 *       {@code size % n} chunks.</li>
 *   <li>Two loops, as in the Rust book: one spawns and collects the handles, the next joins
 *       them. A join inside the spawning loop waits for each chunk before starting the next.</li>
 *   <li>Each part travels back through its thread's {@code join()}: no list shared between
 *       threads, and no field that two calls at once would share.</li>
 *   <li>{@code Result.unwrap()} on an {@code Err} throws exactly the {@code Panic} wanted, but
 *       only after every handle has been joined.</li>
 * </ul>
 */
public final class ChunkedParallel implements Parallel {

    // Suggested state (your choice): the Threads to spawn through. Nothing else: everything a call
    // needs belongs in that call's own locals.

    /** A parallel computation spawning its threads through {@code threads}. */
    public ChunkedParallel(Threads threads) {
        // TODO: keep threads. Do not throw here.
    }

    /** {@code f} applied to every input on the spawned threads, the results in input order (T1, T2). */
    @Override
    public <T, R> List<R> map(List<? extends T> inputs, int threads, Function<? super T, ? extends R> f) {
        throw new Unimplemented("parallel", "course-notes/07-threads.md");
    }

    /** Each chunk folded from {@code identity} on its thread, the folds combined in input order (T1, T2). */
    @Override
    public <T> T reduce(List<? extends T> inputs, int threads, T identity, BinaryOperator<T> op) {
        throw new Unimplemented("parallel", "course-notes/07-threads.md");
    }
}
