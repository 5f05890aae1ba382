package fearless.api.thread;

import fearless.api.Result;

/**
 * Rust's {@code ScopedJoinHandle<'scope, T>}: joins one scoped thread by hand. Joining consumes
 * the handle: a second {@link #join()} is E0382 ({@link fearless.api.OwnershipError}), and so is
 * {@link #isFinished()} after a join.
 *
 * @param <T> the thread's result
 */
public interface ScopedJoinHandle<T> {

    /**
     * Waits until the thread has ended and gives its outcome as a value, exactly as
     * {@link JoinHandle#join()} does (T2): {@code Ok(result)}, or {@code Err(payload)} if it threw.
     * A thread joined by hand no longer makes its scope panic, whatever it threw (T6).
     * An interrupt does not end the wait. E0382 if already joined.
     */
    Result<T, Object> join();

    /** Whether the thread's body has ended (Rust's {@code is_finished}); never blocks. E0382 after {@link #join()}. */
    boolean isFinished();
}
