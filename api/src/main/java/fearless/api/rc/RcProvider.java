package fearless.api.rc;

import java.util.function.Consumer;

/**
 * How the grader obtains a submission's {@link Rc}. Register the implementation in
 * {@code META-INF/services/fearless.api.rc.RcProvider}.
 */
public interface RcProvider {

    /**
     * A first strong reference to {@code value} ({@code Rc::new}); {@code drop} runs once, when
     * the last strong reference is closed (A2).
     *
     * @param value the value to share (may be {@code null})
     * @param drop the value's drop action; never {@code null}
     */
    <T> Rc<T> create(T value, Consumer<? super T> drop);

    /** A weak reference to nothing ({@code Weak::new()}): it never upgrades, and both its counts are 0. */
    <T> Weak<T> newWeak();
}
