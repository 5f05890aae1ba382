package fearless.exercises.box;

import fearless.api.ownership.Box;
import fearless.api.ownership.BoxProvider;
import java.util.function.Consumer;

/** How the grader finds your {@link OwnedBox}. Nothing to do here. */
public final class OwnedBoxes implements BoxProvider {

    @Override
    public <T> Box<T> create(T value, Consumer<? super T> drop) {
        return new OwnedBox<>(value, drop);
    }
}
