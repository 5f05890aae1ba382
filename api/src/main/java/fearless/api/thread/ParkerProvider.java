package fearless.api.thread;

/**
 * How the grader obtains a submission's {@link Parker}. Register the implementation in
 * {@code META-INF/services/fearless.api.thread.ParkerProvider}.
 */
public interface ParkerProvider {

    /**
     * A new parker without a token, built on Java's monitors ({@code synchronized},
     * {@code wait}, {@code notify}): {@code LockSupport} already is a parker, so it is off limits.
     */
    Parker parker();
}
