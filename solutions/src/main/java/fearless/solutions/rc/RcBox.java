package fearless.solutions.rc;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one allocation every handle of a value shares, Rust's {@code RcInner}: the value, its drop
 * action and both counts. Handles only point here; the counts live here, so every handle sees
 * the same numbers.
 *
 * <p>Plain {@code int}s: an {@code Rc} belongs to one thread ({@code !Send}), so nothing here is
 * ever changed by two threads at once. (That is the whole difference from {@code Arc}, whose
 * counts are atomic.)
 *
 * @param <T> the shared value
 */
final class RcBox<T> {

    private T value;
    private final Consumer<? super T> drop;
    private int strong = 1;
    private int weak;

    RcBox(T value, Consumer<? super T> drop) {
        this.value = value;
        this.drop = Objects.requireNonNull(drop, "drop");
    }

    T value() {
        return value;
    }

    void setValue(T newValue) {
        value = newValue;
    }

    int strong() {
        return strong;
    }

    int weak() {
        return weak;
    }

    /** Whether the value is still there: some strong reference remains (A5). */
    boolean alive() {
        return strong > 0;
    }

    void incrementStrong() {
        strong++;
    }

    /**
     * A2: one strong reference fewer; the last one drops the value. The count reaches zero before
     * the drop action runs, so the action (or anything it calls) sees the value gone (A5), and a
     * throwing action leaves it gone. The box lets go of the value, as Rust frees it, so weak
     * references do not keep it reachable.
     */
    void decrementStrong() {
        strong--;
        if (strong == 0) {
            T dropped = value;
            value = null;
            drop.accept(dropped);
        }
    }

    /** A3: hands the value to the caller instead of dropping it; weak references can no longer upgrade. */
    T unwrap() {
        strong = 0;
        T unwrapped = value;
        value = null;
        return unwrapped;
    }

    void incrementWeak() {
        weak++;
    }

    void decrementWeak() {
        weak--;
    }
}
