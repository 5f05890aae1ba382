package fearless.solutions.tree;

import fearless.api.rc.Rc;
import fearless.api.rc.Weak;
import java.util.Optional;

/** MUTANT: a home-made Weak that points at nothing, instead of the given rcs.newWeak(). */
final class NoParent<T> implements Weak<T> {

    @Override
    public Optional<Rc<T>> upgrade() {
        return Optional.empty();
    }

    @Override
    public int strongCount() {
        return 0;
    }

    @Override
    public int weakCount() {
        return 0;
    }

    @Override
    public Weak<T> cloneWeak() {
        return this;
    }

    @Override
    public void close() {
    }
}
