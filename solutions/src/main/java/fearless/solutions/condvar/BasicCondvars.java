package fearless.solutions.condvar;

import fearless.api.sync.Condvar;
import fearless.api.sync.CondvarProvider;

/** How the grader finds your {@link BasicCondvar}. Nothing to do here. */
public final class BasicCondvars implements CondvarProvider {

    @Override
    public Condvar create() {
        return new BasicCondvar();
    }
}
