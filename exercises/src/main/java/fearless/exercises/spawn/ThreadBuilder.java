package fearless.exercises.spawn;

import fearless.api.Unimplemented;
import fearless.api.thread.Builder;
import fearless.api.thread.JoinHandle;
import java.util.function.Supplier;

/**
 * Exercise {@code spawn}: Rust's {@code thread::Builder}, the settings of one thread (here only
 * its name). See section 8 of {@code course-notes/07-threads.md}.
 *
 * <p>Rules: T1, T5.
 *
 * <p>Hints:
 * <ul>
 *   <li>T5: the body must see its name from its very first instruction. Give the name to the
 *       {@link Thread} before you start it ({@code new Thread(task, name)}); renaming it after
 *       {@code start()} races with the body.</li>
 *   <li>{@code name(null)} throws {@link NullPointerException} at once, not later in
 *       {@code spawn}.</li>
 * </ul>
 */
public final class ThreadBuilder implements Builder {

    // Suggested state: the name, or null while none was given.

    /** Remembers {@code name} for the thread this builder spawns, and returns this builder (T5). */
    @Override
    public Builder name(String name) {
        throw new Unimplemented("spawn", "course-notes/07-threads.md");
    }

    /** Starts {@code body} on a new daemon thread with this builder's name, and returns its handle at once (T1). */
    @Override
    public <T> JoinHandle<T> spawn(Supplier<? extends T> body) {
        throw new Unimplemented("spawn", "course-notes/07-threads.md");
    }
}
