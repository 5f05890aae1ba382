package fearless.api.sync;

import java.util.Optional;

/**
 * Rust's {@code std::sync::Weak<T>}: a reference that does not keep the value alive, safe to use
 * from any thread. It can be upgraded to a strong {@link Arc} while the value lives; an upgrade
 * racing the close of the last strong handle either wins (and the value lives on, owned by the new
 * handle) or fails (and the value is dropped once), never both (A5, A6). Every use of a closed
 * {@code Weak}, except {@link #close()}, is {@link fearless.api.OwnershipError} E0382.
 *
 * @param <T> the referenced value
 */
public interface Weak<T> extends AutoCloseable {

    /**
     * A new strong reference while the value lives ({@code weak.upgrade()}): strong count + 1.
     * Empty once the strong count is zero, the value dropped or unwrapped (A5).
     */
    Optional<Arc<T>> upgrade();

    /**
     * The value's strong count; 0 once no strong reference remains (the value dropped or
     * unwrapped), and for a weak reference made by {@link ArcProvider#newWeak()}.
     */
    int strongCount();

    /** The value's weak count; 0 once no strong reference remains (as Rust's {@code Weak::weak_count}). */
    int weakCount();

    /** Another weak reference to the same value ({@code Weak::clone}): weak count + 1. */
    Weak<T> cloneWeak();

    /** Drops this weak reference: weak count - 1. A second call does nothing. */
    @Override
    void close();
}
