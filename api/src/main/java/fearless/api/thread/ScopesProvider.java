package fearless.api.thread;

/**
 * How the grader obtains a submission's {@link Scopes}. Register the implementation in
 * {@code META-INF/services/fearless.api.thread.ScopesProvider}.
 */
public interface ScopesProvider {

    /** The submission's scoped threads, built on Java's threads. */
    Scopes scopes();
}
