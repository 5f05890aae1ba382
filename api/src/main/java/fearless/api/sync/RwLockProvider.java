package fearless.api.sync;

/**
 * How the grader obtains a submission's {@link RwLock}. Register the implementation in
 * {@code META-INF/services/fearless.api.sync.RwLockProvider}.
 */
public interface RwLockProvider {

    /** A new, unlocked, unpoisoned lock guarding {@code value} ({@code RwLock::new}). */
    <T> RwLock<T> create(T value);
}
