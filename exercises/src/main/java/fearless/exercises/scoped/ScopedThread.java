package fearless.exercises.scoped;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.thread.ScopedJoinHandle;

/**
 * One scoped thread and its handle, Rust's {@code ScopedJoinHandle} (T2, T6).
 *
 * <p>The thread runs the body and keeps its outcome as a value: {@code Result.ok(result)}, or
 * {@code Result.err(payload)} if the body threw (a {@code Panic} gives its {@code payload()},
 * any other throwable, an {@code Error} too, is its own payload). {@link #join()} waits for the
 * end (an interrupt does not end the wait; restore the status afterwards), returns that outcome,
 * and consumes the handle: a second {@code join()}, and {@code isFinished()} after a join, throw
 * {@code OwnershipError.useAfterMove(...)} (E0382). A thread joined by hand no longer makes its
 * scope panic. {@link #isFinished()} never blocks.
 *
 * <p>Suggested state (your choice): a {@code java.lang.Thread}, the outcome, and the flags
 * "finished" and "joined", guarded by one lock.
 *
 * @param <T> the body's result
 */
final class ScopedThread<T> implements ScopedJoinHandle<T> {

    @Override
    public Result<T, Object> join() {
        throw new Unimplemented("scoped-threads", "course-notes/07-threads.md");
    }

    @Override
    public boolean isFinished() {
        throw new Unimplemented("scoped-threads", "course-notes/07-threads.md");
    }
}
