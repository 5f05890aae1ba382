package fearless.api.borrow;

import java.util.function.Consumer;

/**
 * How the grader obtains a submission's {@link Owner}. Register the implementation in
 * {@code META-INF/services/fearless.api.borrow.OwnerProvider}.
 */
public interface OwnerProvider {

    /**
     * A new owner of {@code value}, not borrowed; {@code drop} runs once for each value the owner
     * drops.
     *
     * @param value the value to own (may be {@code null})
     * @param drop the value's drop action; never {@code null}
     */
    <T> Owner<T> create(T value, Consumer<? super T> drop);
}
