package fearless.api.ownership;

/**
 * How the grader obtains a submission's {@link DropScope}. Register the implementation in
 * {@code META-INF/services/fearless.api.ownership.DropScopeProvider}.
 */
public interface DropScopeProvider {

    /** A new, empty scope. */
    DropScope open();
}
