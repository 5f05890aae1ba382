package fearless.exercises.rc;

import fearless.api.Unimplemented;
import fearless.api.rc.Rc;
import fearless.api.rc.Weak;
import java.util.Optional;

/**
 * Exercise {@code rc}: a weak reference, Rust's {@code Weak<T>}. It counts in the value's weak
 * count and never keeps the value alive: {@link #upgrade()} gives a new strong reference while
 * one remains, and nothing once the strong count is zero (A5). A {@code Weak} made by
 * {@code newWeak()} points at nothing: it never upgrades and both its counts are 0.
 *
 * <p>Rules: A2, A5. Read {@code course-notes/05-rc.md} first.
 *
 * @param <T> the referenced value
 */
public final class CountedWeak<T> implements Weak<T> {

    /** A weak reference to nothing (Rust's {@code Weak::new()}). */
    public CountedWeak() {
        // TODO: keep what the handle needs. Do not throw here.
    }

    /** A new strong reference while the value lives; empty once the strong count is zero (A5). */
    @Override
    public Optional<Rc<T>> upgrade() {
        throw new Unimplemented("rc", "course-notes/05-rc.md");
    }

    /** The value's strong count; 0 once none remains, or for a weak reference to nothing. */
    @Override
    public int strongCount() {
        throw new Unimplemented("rc", "course-notes/05-rc.md");
    }

    /** The value's weak count; 0 once no strong reference remains, as in Rust. */
    @Override
    public int weakCount() {
        throw new Unimplemented("rc", "course-notes/05-rc.md");
    }

    /** Another weak reference to the same value: weak count + 1. */
    @Override
    public Weak<T> cloneWeak() {
        throw new Unimplemented("rc", "course-notes/05-rc.md");
    }

    /** Weak count - 1. A second call does nothing. */
    @Override
    public void close() {
        throw new Unimplemented("rc", "course-notes/05-rc.md");
    }
}
