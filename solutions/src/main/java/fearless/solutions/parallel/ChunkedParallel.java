package fearless.solutions.parallel;

import fearless.api.Result;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.Parallel;
import fearless.api.thread.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * The Rust book's first concurrent program, twice: spawn a thread per chunk in a loop, keeping
 * the handles; then join the handles in order and put the parts together (T1, T2).
 *
 * <p>All the state of a call lives in its own locals: the chunks, the handles and the parts. One
 * {@code ChunkedParallel} can serve any number of callers at once, and no thread writes anything
 * another thread reads; each part comes back to the caller through its thread's {@code join}.
 * Every handle is joined before a failure is looked at, so a failing chunk never leaves the
 * others running, and the failure reported is the first failing chunk's, whichever failed first.
 */
public final class ChunkedParallel implements Parallel {

    private final Threads threads;

    ChunkedParallel(Threads threads) {
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    @Override
    public <T, R> List<R> map(List<? extends T> inputs, int threads, Function<? super T, ? extends R> f) {
        Objects.requireNonNull(f, "f");
        List<List<R>> parts = inParallel(inputs, threads, chunk -> {
            List<R> part = new ArrayList<>(chunk.size());
            for (T input : chunk) {
                part.add(f.apply(input));
            }
            return part;
        });
        List<R> results = new ArrayList<>(inputs.size());
        for (List<R> part : parts) {
            results.addAll(part);
        }
        return results;
    }

    @Override
    public <T> T reduce(List<? extends T> inputs, int threads, T identity, BinaryOperator<T> op) {
        Objects.requireNonNull(op, "op");
        List<T> parts = inParallel(inputs, threads, chunk -> {
            T folded = identity;
            for (T input : chunk) {
                folded = op.apply(folded, input);
            }
            return folded;
        });
        T total = identity;
        for (T part : parts) {
            total = op.apply(total, part);
        }
        return total;
    }

    /**
     * Runs {@code work} on each chunk on a thread of its own, all at once, and gives the parts in
     * input order once every thread has been joined; the first failing chunk's error, if any, as
     * a {@link fearless.api.Panic} (what {@code Result.unwrap} throws: its payload is the error).
     */
    private <T, P> List<P> inParallel(List<? extends T> inputs, int threads, Function<List<T>, P> work) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, but was " + threads);
        }
        List<T> items = new ArrayList<>(inputs); // our own copy: the caller may change theirs meanwhile
        if (items.isEmpty()) {
            return List.of();
        }
        List<JoinHandle<P>> handles = new ArrayList<>();
        for (List<T> chunk : chunks(items, Math.min(threads, items.size()))) {
            handles.add(this.threads.spawn(() -> work.apply(chunk)));
        }
        List<Result<P, Object>> outcomes = new ArrayList<>(handles.size());
        for (JoinHandle<P> handle : handles) {
            outcomes.add(handle.join());
        }
        List<P> parts = new ArrayList<>(outcomes.size());
        for (Result<P, Object> outcome : outcomes) {
            parts.add(outcome.unwrap());
        }
        return parts;
    }

    /** {@code items} cut into {@code count} contiguous chunks; the first {@code size % count} get one more. */
    private static <T> List<List<T>> chunks(List<T> items, int count) {
        int base = items.size() / count;
        int longer = items.size() % count;
        List<List<T>> chunks = new ArrayList<>(count);
        int start = 0;
        for (int i = 0; i < count; i++) {
            int length = base + (i < longer ? 1 : 0);
            chunks.add(items.subList(start, start + length));
            start += length;
        }
        return chunks;
    }
}
