package fearless.exercises.scoped;

import fearless.api.Unimplemented;
import fearless.api.thread.Scope;
import fearless.api.thread.Scopes;
import java.util.function.Function;

/**
 * Exercise {@code scoped-threads}: Rust's {@code thread::scope}, built on {@code java.lang.Thread}.
 *
 * <p>{@link #scope} runs {@code body} on the calling thread with a fresh {@link ThreadScope}, then
 * waits until every thread spawned in that scope has ended (threads spawned by scoped threads
 * too), and only then returns the body's result (T6). Then it reports, in this order:
 * <ul>
 *   <li>the body threw: throw what it threw, as it is (after the wait!);</li>
 *   <li>a scoped thread threw and nobody joined it by hand: throw
 *       {@code new Panic("a scoped thread panicked")};</li>
 *   <li>otherwise: return the body's result.</li>
 * </ul>
 * An interrupt does not end the wait: keep waiting, and set the interrupt status again before
 * returning. Read {@code course-notes/07-threads.md}, section 10, and rule T6 in section 4.
 *
 * <p>Hints:
 * <ul>
 *   <li>Scoped threads may spawn more threads through the same scope, even while the scope is
 *       already waiting. Waiting for the threads you knew of when the body returned is not
 *       enough: wait until none is running and none can be added any more.</li>
 *   <li>{@code try { ... } catch (Throwable t) { ...wait...; throw t; }} rethrows the body's
 *       throwable as it is: Java lets you rethrow a caught {@code Throwable} when the body can
 *       only throw unchecked ones.</li>
 * </ul>
 */
public final class ThreadScopes implements Scopes {

    @Override
    public <T> T scope(Function<? super Scope, ? extends T> body) {
        throw new Unimplemented("scoped-threads", "course-notes/07-threads.md");
    }
}
