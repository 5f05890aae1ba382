package fearless.api.cell;

import java.util.function.Function;

/**
 * A shared borrow of a {@link RefCell}'s value, Rust's {@code Ref<'_, T>}. It counts as a borrow
 * until it is closed (B4). Once it was closed, or used up by {@link #map}, every use of it
 * ({@link #get()}, {@link #cloneRef()}, {@link #map}) is {@link fearless.api.OwnershipError}
 * E0382, as {@code drop(r); *r} is in Rust.
 *
 * @param <T> the borrowed value
 */
public interface Ref<T> extends AutoCloseable {

    /** The value ({@code *r}). E0382 once this handle was closed or mapped. */
    T get();

    /** Another shared borrow of the same value ({@code Ref::clone(&r)}), counted separately (B5). */
    Ref<T> cloneRef();

    /**
     * A borrow of a part of the value ({@code Ref::map(r, f)}): its {@link #get()} returns what
     * {@code part} returned. It takes this handle's place: this handle is used up (E0382
     * afterwards, and closing it does nothing) and the borrow lives on until the new one is
     * closed. If {@code part} throws, the exception propagates as it is and this handle still
     * holds its borrow.
     */
    <U> Ref<U> map(Function<? super T, ? extends U> part);

    /** Releases this borrow (B4). A second call does nothing. */
    @Override
    void close();
}
