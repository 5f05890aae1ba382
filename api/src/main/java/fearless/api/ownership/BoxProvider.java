package fearless.api.ownership;

import java.util.function.Consumer;

/**
 * How the grader obtains a submission's {@link Box}. Register the implementation in
 * {@code META-INF/services/fearless.api.ownership.BoxProvider}.
 */
public interface BoxProvider {

    /**
     * A new owner of {@code value}; {@code drop} runs once, when the owner is dropped.
     *
     * @param value the value to own (may be {@code null})
     * @param drop the value's drop action (Rust's {@code Drop::drop}); never {@code null}
     */
    <T> Box<T> create(T value, Consumer<? super T> drop);
}
