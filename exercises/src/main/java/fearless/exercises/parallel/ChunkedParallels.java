package fearless.exercises.parallel;

import fearless.api.thread.Parallel;
import fearless.api.thread.ParallelProvider;
import fearless.api.thread.Threads;

/** How the grader finds your {@link ChunkedParallel}. Nothing to do here. */
public final class ChunkedParallels implements ParallelProvider {

    @Override
    public Parallel parallel(Threads threads) {
        return new ChunkedParallel(threads);
    }
}
