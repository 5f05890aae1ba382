package fearless.api.sync;

/**
 * Sole hold of a {@link RwLock} ({@code RwLockWriteGuard<'_, T>}): the value, to read and replace.
 * Closing it unlocks. {@link #get()} and {@link #set} after {@link #close()} are
 * {@link fearless.api.OwnershipError} E0382; closing twice unlocks once.
 *
 * @param <T> the guarded value
 */
public interface RwLockWriteGuard<T> extends AutoCloseable {

    /** The guarded value ({@code *guard}). */
    T get();

    /** Replaces the guarded value ({@code *guard = value}): readers who come after see it. */
    void set(T value);

    /** Unlocks. Never poisons: Java cannot see whether the block ended by a throw. */
    @Override
    void close();
}
