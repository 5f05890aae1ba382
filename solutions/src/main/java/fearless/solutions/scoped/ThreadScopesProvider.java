package fearless.solutions.scoped;

import fearless.api.thread.Scopes;
import fearless.api.thread.ScopesProvider;

/** Hands the grader {@link ThreadScopes}. */
public final class ThreadScopesProvider implements ScopesProvider {

    @Override
    public Scopes scopes() {
        return new ThreadScopes();
    }
}
