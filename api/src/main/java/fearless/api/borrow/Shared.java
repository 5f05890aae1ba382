package fearless.api.borrow;

/**
 * A shared borrow, Rust's {@code &T}: it reads the value while it lives. Closing it ends the
 * borrow (L2); closing again does nothing.
 *
 * @param <T> the borrowed value
 */
public interface Shared<T> extends AutoCloseable {

    /** The borrowed value ({@code *r}). E0597 once this borrow was closed (L1, L2). */
    T get();

    /** Ends the borrow (B4, L2). A second call does nothing. */
    @Override
    void close();
}
