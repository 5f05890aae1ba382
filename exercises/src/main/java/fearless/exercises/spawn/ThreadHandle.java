package fearless.exercises.spawn;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.thread.JoinHandle;
import java.util.Optional;

/**
 * Exercise {@code spawn}: Rust's {@code JoinHandle<T>}, the right to wait for one thread and
 * take its result. See section 8 of {@code course-notes/07-threads.md}.
 *
 * <p>Build a handle over one {@link Thread} of its own. The thread runs the body, catches
 * whatever it throws, and stores the outcome as a value: {@code Ok(result)}, or {@code Err(payload)}
 * where a {@link fearless.api.Panic}'s payload is its {@code payload()} and any other throwable
 * (an {@link Error} too) is its own payload (T2). {@link #join()} waits for the thread and hands
 * that value back; it never throws what the body threw. Joining uses the handle up: a second
 * {@code join()}, or {@code isFinished()} after it, is E0382. {@link #close()} detaches: the
 * thread keeps running, and close neither waits for it nor interrupts it (T4).
 *
 * <p>Rules: T1, T2, T4, T5.
 *
 * <p>Hints:
 * <ul>
 *   <li>Catch {@link Throwable} in the thread, not {@code Exception}: an {@link AssertionError} or
 *       a {@link StackOverflowError} ends a body too, and {@code join} must still give it back.</li>
 *   <li>Wait with {@link Thread#join()}: it also makes everything the thread wrote visible to the
 *       joining thread. An {@link InterruptedException} must not end the wait: remember it, wait
 *       again, and restore the interrupt status ({@code Thread.currentThread().interrupt()})
 *       before returning.</li>
 *   <li>Two threads may call {@code join()} on the same handle at once: mark the handle used
 *       with a compare-and-set (or inside {@code synchronized}) <em>before</em> waiting, so exactly
 *       one of them gets the result and the other gets E0382.</li>
 *   <li>Call {@link Thread#setDaemon(boolean) setDaemon(true)} before {@code start()}, and
 *       {@code start()}, never {@code run()}, which would run the body on the calling thread.</li>
 * </ul>
 *
 * @param <T> the body's result
 */
public final class ThreadHandle<T> implements JoinHandle<T> {

    // Suggested state: the Thread, the name (or null), a volatile field for the outcome, and an
    // AtomicBoolean that says whether join() or close() has used the handle up.

    /** Waits for the thread, then gives its outcome as a value (T2); E0382 if already joined or closed. */
    @Override
    public Result<T, Object> join() {
        throw new Unimplemented("spawn", "course-notes/07-threads.md");
    }

    /** Whether the body has ended; never blocks. E0382 if already joined or closed. */
    @Override
    public boolean isFinished() {
        throw new Unimplemented("spawn", "course-notes/07-threads.md");
    }

    /** The builder's name, or empty for an unnamed thread (T5). */
    @Override
    public Optional<String> name() {
        throw new Unimplemented("spawn", "course-notes/07-threads.md");
    }

    /** Detaches: the thread keeps running; never blocks, never interrupts; a no-op if already used (T4). */
    @Override
    public void close() {
        throw new Unimplemented("spawn", "course-notes/07-threads.md");
    }
}
