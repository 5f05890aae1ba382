package fearless.exercises.rc;

import fearless.api.rc.Rc;
import fearless.api.rc.RcProvider;
import fearless.api.rc.Weak;
import java.util.function.Consumer;

/** How the grader finds your {@link CountedRc}. Nothing to do here. */
public final class CountedRcs implements RcProvider {

    @Override
    public <T> Rc<T> create(T value, Consumer<? super T> drop) {
        return new CountedRc<>(value, drop);
    }

    @Override
    public <T> Weak<T> newWeak() {
        return new CountedWeak<>();
    }
}
