package fearless.exercises.scoped;

import fearless.api.thread.Scopes;
import fearless.api.thread.ScopesProvider;

/** How the grader finds your {@link ThreadScopes}. Nothing to do here. */
public final class ThreadScopesProvider implements ScopesProvider {

    @Override
    public Scopes scopes() {
        return new ThreadScopes();
    }
}
