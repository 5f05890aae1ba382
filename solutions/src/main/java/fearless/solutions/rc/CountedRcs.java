package fearless.solutions.rc;

import fearless.api.rc.Rc;
import fearless.api.rc.RcProvider;
import fearless.api.rc.Weak;
import java.util.function.Consumer;

/** Hands the grader {@link CountedRc}s and {@link CountedWeak}s. */
public final class CountedRcs implements RcProvider {

    @Override
    public <T> Rc<T> create(T value, Consumer<? super T> drop) {
        return new CountedRc<>(new RcBox<>(value, drop));
    }

    @Override
    public <T> Weak<T> newWeak() {
        return new CountedWeak<>(null);
    }
}
