package fearless.exercises.scoped;

import fearless.api.Unimplemented;
import fearless.api.thread.Scope;
import fearless.api.thread.ScopedJoinHandle;
import java.util.function.Supplier;

/**
 * Rust's {@code Scope}: the registry of one scope's threads (T6).
 *
 * <p>{@link #spawn} registers a new {@link ScopedThread}, starts it and returns its handle at
 * once (T1). The body and the scoped threads themselves may all spawn, at the same time: the
 * registry is shared between threads, so guard it ({@code synchronized}, or a thread-safe
 * collection). Once the scope has ended (its {@code scope} call is returning, and this object
 * escaped it), {@code spawn} throws {@code new OwnershipError(ErrorCode.E0597, "...")} and starts
 * nothing: the locals the thread would borrow may be gone.
 *
 * <p>Suggested state (your choice): a lock, a list of the scope's threads, and a flag "ended".
 * The scope's final wait and the "ended" flag must be one step with the registry's lock held, or
 * a thread could be added after the scope decided that none was left.
 */
final class ThreadScope implements Scope {

    @Override
    public <T> ScopedJoinHandle<T> spawn(Supplier<? extends T> body) {
        throw new Unimplemented("scoped-threads", "course-notes/07-threads.md");
    }
}
