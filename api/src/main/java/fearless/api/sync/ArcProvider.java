package fearless.api.sync;

import java.util.function.Consumer;

/**
 * How the grader obtains a submission's {@link Arc}. Register the implementation in
 * {@code META-INF/services/fearless.api.sync.ArcProvider}.
 */
public interface ArcProvider {

    /**
     * A first strong reference to {@code value} ({@code Arc::new}); {@code drop} runs once, when
     * the last strong reference is closed (A2).
     *
     * @param value the value to share (may be {@code null})
     * @param drop the value's drop action; never {@code null}
     */
    <T> Arc<T> create(T value, Consumer<? super T> drop);

    /** A weak reference to nothing ({@code Weak::new()}): it never upgrades, and both its counts are 0. */
    <T> Weak<T> newWeak();
}
