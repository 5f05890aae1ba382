package fearless.api.mutex;

/**
 * How the grader obtains a submission's {@link Mutex}. Register the implementation in
 * {@code META-INF/services/fearless.api.mutex.MutexProvider}.
 */
public interface MutexProvider {

    /** A new, unlocked, unpoisoned mutex guarding {@code value}. */
    <T> Mutex<T> create(T value);
}
