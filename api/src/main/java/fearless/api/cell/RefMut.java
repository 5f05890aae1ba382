package fearless.api.cell;

/**
 * The mutable borrow of a {@link RefCell}'s value, Rust's {@code RefMut<'_, T>}: while it lives,
 * no other borrow of the cell may be taken (B2).
 *
 * @param <T> the borrowed value
 */
public interface RefMut<T> extends AutoCloseable {

    /** The value ({@code *m}). E0382 once this handle was closed. */
    T get();

    /** Replaces the value in the cell ({@code *m = v;}). E0382 once this handle was closed. */
    void set(T value);

    /** Releases the borrow (B4). A second call does nothing. */
    @Override
    void close();
}
