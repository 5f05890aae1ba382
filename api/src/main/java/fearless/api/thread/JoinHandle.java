package fearless.api.thread;

import fearless.api.Result;
import java.util.Optional;

/**
 * Rust's {@code JoinHandle<T>}: the right to wait for one thread and take its result.
 *
 * <p>Joining consumes the handle, as {@code join(self)} does in Rust: after {@link #join()} or
 * {@link #close()}, {@link #join()} and {@link #isFinished()} are E0382
 * ({@link fearless.api.OwnershipError}).
 *
 * @param <T> the thread's result
 */
public interface JoinHandle<T> extends AutoCloseable {

    /**
     * Waits until the thread has ended, then gives its outcome as a value (T2):
     * {@code Ok(result)} if the body returned, {@code Err(payload)} if it threw. The payload of a
     * {@link fearless.api.Panic} is its {@link fearless.api.Panic#payload()}; of any other
     * {@link Throwable} (an {@link Error} included), the throwable itself. It never throws what
     * the thread threw. Everything the thread did happens-before {@code join} returns.
     * An interrupt does not end the wait: a thread interrupted while it joins keeps waiting, and
     * {@code join} returns with the thread's interrupt status set.
     * E0382 if this handle was already joined or closed.
     */
    Result<T, Object> join();

    /**
     * Whether the thread's body has ended, by returning or by throwing (Rust's
     * {@code is_finished}); never blocks. E0382 if this handle was already joined or closed.
     */
    boolean isFinished();

    /** The name given through {@link Builder#name}, or empty for an unnamed thread (T5). */
    Optional<String> name();

    /**
     * Drops the handle without joining: the thread is detached and keeps running to its end (T4).
     * Never blocks and never interrupts or stops the thread. Does nothing on a handle already
     * joined or closed, so try-with-resources is always safe.
     */
    @Override
    void close();
}
