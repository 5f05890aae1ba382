package fearless.exercises.spawn;

import fearless.api.Unimplemented;
import fearless.api.thread.Builder;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.Threads;
import java.util.function.Supplier;

/**
 * Exercise {@code spawn}: Rust's {@code thread::spawn}, in Java. Read section 8 of
 * {@code course-notes/07-threads.md} first.
 *
 * <p>{@link #spawn} starts the body on a new {@link Thread} and returns its {@link ThreadHandle}
 * at once, without waiting for the body (T1). The thread is unnamed and a daemon thread.
 * {@link #builder()} gives a fresh {@link ThreadBuilder} for a thread with a name (T5).
 *
 * <p>Rules: T1, T2, T4, T5.
 *
 * <p>Hints:
 * <ul>
 *   <li>{@code spawn} is a builder with no settings: {@code builder().spawn(body)}.</li>
 *   <li>A new builder each time: a name given to one thread must never reach another.</li>
 * </ul>
 */
public final class Spawner implements Threads {

    /** Starts {@code body} on a new daemon thread and returns its handle at once (T1). */
    @Override
    public <T> JoinHandle<T> spawn(Supplier<? extends T> body) {
        throw new Unimplemented("spawn", "course-notes/07-threads.md");
    }

    /** A new builder, with no name set yet (T5). */
    @Override
    public Builder builder() {
        throw new Unimplemented("spawn", "course-notes/07-threads.md");
    }
}
