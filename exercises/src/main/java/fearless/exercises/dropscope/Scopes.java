package fearless.exercises.dropscope;

import fearless.api.ownership.DropScope;
import fearless.api.ownership.DropScopeProvider;

/** How the grader finds your {@link Scope}. Nothing to do here. */
public final class Scopes implements DropScopeProvider {

    @Override
    public DropScope open() {
        return new Scope();
    }
}
