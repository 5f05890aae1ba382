package fearless.api.sync;

/**
 * How the grader obtains a submission's {@link Condvar}. Register the implementation in
 * {@code META-INF/services/fearless.api.sync.CondvarProvider}.
 */
public interface CondvarProvider {

    /** A new condvar with nobody waiting on it ({@code Condvar::new()}). */
    Condvar create();
}
