package fearless.api.thread;

/**
 * How the grader obtains a submission's {@link Parallel}. Register the implementation in
 * {@code META-INF/services/fearless.api.thread.ParallelProvider}.
 */
public interface ParallelProvider {

    /**
     * The parallel computations, spawning their threads through {@code threads}. The grader
     * passes the kit's own {@link Threads}, so this exercise is graded on its own even while
     * {@code spawn} is unfinished, and so it sees every thread spawned.
     */
    Parallel parallel(Threads threads);
}
