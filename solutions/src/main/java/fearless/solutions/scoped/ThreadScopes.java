package fearless.solutions.scoped;

import fearless.api.Panic;
import fearless.api.thread.Scope;
import fearless.api.thread.Scopes;
import java.util.Objects;
import java.util.function.Function;

/**
 * Rust's {@code thread::scope} on Java threads (T6): run the body, then wait for every thread the
 * scope registered, then report. The order is the point: nothing leaves {@link #scope} (a result, a
 * panic, or the body's own throwable) while a scoped thread may still run and use the caller's locals.
 */
public final class ThreadScopes implements Scopes {

    @Override
    public <T> T scope(Function<? super Scope, ? extends T> body) {
        Objects.requireNonNull(body, "body");
        ThreadScope scope = new ThreadScope();
        T result;
        try {
            result = body.apply(scope);
        } catch (Throwable failure) {
            scope.end(); // the threads may still use what the body borrowed: wait for them first
            throw failure;
        }
        if (scope.end()) {
            throw new Panic("a scoped thread panicked");
        }
        return result;
    }
}
