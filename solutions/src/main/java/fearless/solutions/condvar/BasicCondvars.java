package fearless.solutions.condvar;

import fearless.api.sync.Condvar;
import fearless.api.sync.CondvarProvider;

/** Hands the grader {@link BasicCondvar}s. */
public final class BasicCondvars implements CondvarProvider {

    @Override
    public Condvar create() {
        return new BasicCondvar();
    }
}
