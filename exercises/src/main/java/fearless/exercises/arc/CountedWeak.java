package fearless.exercises.arc;

import fearless.api.Unimplemented;
import fearless.api.sync.Arc;
import fearless.api.sync.Weak;
import java.util.Optional;

/**
 * Rust's {@code std::sync::Weak<T>}: a reference that does not keep the value alive, usable from
 * any thread. It points at the same shared part as the {@link CountedArc}s of its value, or at
 * nothing (made by {@code newWeak()}).
 *
 * <p>The hard case is an upgrade racing the close of the last strong handle on another thread:
 * either the upgrade wins (the count never reached zero, the value lives on) or it fails (the
 * value is dropped once), never both (A5, A6).
 */
public final class CountedWeak<T> implements Weak<T> {

    /** A weak reference to nothing: it never upgrades, and both its counts are 0. */
    static <T> Weak<T> dangling() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    /** A new strong reference while the strong count is above zero, raised in the same step as the test (A5, A6). */
    @Override
    public Optional<Arc<T>> upgrade() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    /** The value's strong count; 0 once it is dropped or unwrapped, or for a weak reference to nothing. */
    @Override
    public int strongCount() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    /** The value's weak count; 0 once no strong reference remains. */
    @Override
    public int weakCount() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    /** Another weak reference to the same value: weak count + 1. */
    @Override
    public Weak<T> cloneWeak() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }

    /** Weak count - 1; a second call does nothing. */
    @Override
    public void close() {
        throw new Unimplemented("arc", "course-notes/09-shared-state.md");
    }
}
