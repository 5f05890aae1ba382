package fearless.api.thread;

import java.util.function.Supplier;

/**
 * Rust's {@code std::thread::Scope}: where scoped threads are spawned. It lives only while its
 * {@link Scopes#scope} call runs, like a borrow of the caller's locals.
 */
public interface Scope {

    /**
     * Starts {@code body} on a new thread that the scope will join, and returns its handle at
     * once (T1, T6). A scoped thread may itself spawn through this scope. After the scope has
     * ended (the {@code Scope} escaped its {@code scope} call), spawning is E0597
     * ({@link fearless.api.OwnershipError}): the borrow it stands for is over, and no thread starts.
     */
    <T> ScopedJoinHandle<T> spawn(Supplier<? extends T> body);
}
