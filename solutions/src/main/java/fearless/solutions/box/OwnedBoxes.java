package fearless.solutions.box;

import fearless.api.ownership.Box;
import fearless.api.ownership.BoxProvider;
import java.util.function.Consumer;

/** Hands the grader {@link OwnedBox}es. */
public final class OwnedBoxes implements BoxProvider {

    @Override
    public <T> Box<T> create(T value, Consumer<? super T> drop) {
        return new OwnedBox<>(value, drop);
    }
}
