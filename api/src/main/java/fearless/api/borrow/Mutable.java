package fearless.api.borrow;

/**
 * A mutable borrow, Rust's {@code &mut T}: the only way to the value while it lives. Closing it
 * ends the borrow (L2); closing again does nothing.
 *
 * @param <T> the borrowed value
 */
public interface Mutable<T> extends AutoCloseable {

    /** The borrowed value ({@code *m}). E0597 once this borrow was closed (L1, L2). */
    T get();

    /**
     * Replaces the owner's value ({@code *m = v;}): the old value is dropped at once, with the
     * owner's drop action (O3), and the owner owns {@code value} from then on. E0597 once this
     * borrow was closed, and then nothing is replaced or dropped.
     */
    void set(T value);

    /** Ends the borrow (B4, L2). A second call does nothing. */
    @Override
    void close();
}
