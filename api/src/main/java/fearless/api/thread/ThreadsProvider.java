package fearless.api.thread;

/**
 * How the grader obtains a submission's {@link Threads}. Register the implementation in
 * {@code META-INF/services/fearless.api.thread.ThreadsProvider}.
 */
public interface ThreadsProvider {

    /** The submission's threads: each {@code spawn} starts a new thread. */
    Threads threads();
}
