package fearless.api.thread;

import java.util.function.Function;

/**
 * Rust's {@code std::thread::scope}: threads that cannot outlive a block, so they may use the
 * caller's locals.
 *
 * <pre>{@code
 * int[] counts = new int[2];
 * scopes.scope(s -> {                                // thread::scope(|s| {
 *     s.spawn(() -> counts[0] = count(left));        //     s.spawn(|| ...);
 *     s.spawn(() -> counts[1] = count(right));
 *     return null;
 * });                                                // }); both threads have ended here (T6)
 * int total = counts[0] + counts[1];
 * }</pre>
 *
 * <p>Rule T6 (see {@code course-notes/07-threads.md}): a scope joins every thread spawned in it
 * before it returns; if one of those panicked and was not joined by hand, the scope panics; if
 * it was joined by hand, the caller got the error value from {@link ScopedJoinHandle#join()}.
 */
public interface Scopes {

    /**
     * Runs {@code body} on the calling thread with a new {@link Scope}, then waits for every
     * thread spawned in that scope (those spawned by scoped threads included) to end, and only
     * then returns {@code body}'s result (T6). Everything the scoped threads did happens-before
     * {@code scope} returns. If a thread that was not joined by hand threw, the scope throws a
     * {@link fearless.api.Panic} with the message {@code "a scoped thread panicked"} once every
     * thread has ended. If {@code body} itself throws, the scope still waits for every thread
     * first, then throws what {@code body} threw. An interrupt does not end the wait: the scope
     * keeps waiting, and returns with the thread's interrupt status set.
     */
    <T> T scope(Function<? super Scope, ? extends T> body);
}
