package fearless.api.sync;

/**
 * A share of a {@link RwLock} ({@code RwLockReadGuard<'_, T>}): the value, to read. Closing it
 * gives the share back. {@link #get()} after {@link #close()} is
 * {@link fearless.api.OwnershipError} E0382; closing twice gives the share back once.
 *
 * @param <T> the guarded value
 */
public interface RwLockReadGuard<T> extends AutoCloseable {

    /** The guarded value ({@code *guard}). */
    T get();

    /** Gives the share back: once the last reader closes, a waiting writer may take the lock. */
    @Override
    void close();
}
