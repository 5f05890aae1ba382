package fearless.exercises.threadmove;

import fearless.api.Unimplemented;
import fearless.api.ownership.Box;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.MoveSpawner;
import fearless.api.thread.Threads;
import java.util.List;
import java.util.function.Function;

/**
 * Exercise {@code thread-move}: Rust's {@code thread::spawn(move || ...)}, a thread that takes
 * ownership of the values it uses.
 *
 * <p>Build a spawner that moves lesson 1's {@link Box}es into a new thread. {@link #spawn} moves
 * the caller's handle into the thread and runs the body there with the thread's own handle; from
 * the moment {@code spawn} returns the caller's handle is dead (every use is E0382), even if the
 * thread has not started yet. When the body ends, by returning or by throwing, the thread drops
 * the value it still owns, on that thread, before {@code join} returns; a value the body moved on
 * (returning {@code mine.move()}) is not dropped. {@link #spawnAll} does the same for a list, all
 * or nothing: a dead handle, or the same handle twice, is E0382 before anything is moved.
 *
 * <p>Rules: T3 (values moved into a thread belong to it), O2 (a moved-from handle is E0382), and
 * T1/T2 for the thread itself. Read section 9 of {@code course-notes/07-threads.md} first.
 *
 * <p>Hints:
 * <ul>
 *   <li>Start threads only through the {@link Threads} you are given; the grader hands you a
 *       working one, and watches it.</li>
 *   <li>Where does the move happen: on the caller, before the thread starts, or inside the new
 *       thread? Only one of them makes the caller's handle dead before {@code spawn} returns.</li>
 *   <li>"Drop" is {@code close()} on the thread's own handle; closing a handle whose value was
 *       moved on does nothing. try-with-resources runs it however the body ends, and keeps the
 *       body's exception if the drop throws too.</li>
 *   <li>{@code spawnAll}: look at every handle (live? seen before, by identity?) before you move
 *       any of them.</li>
 * </ul>
 */
public final class MovingSpawner implements MoveSpawner {

    /** A spawner that starts its threads through {@code threads}. */
    public MovingSpawner(Threads threads) {
        // TODO: keep what the spawner needs. Do not throw here.
    }

    /** Moves {@code value} into a new thread (T3, O2), runs {@code body} there, then drops what the thread still owns. */
    @Override
    public <V, R> JoinHandle<R> spawn(Box<V> value, Function<? super Box<V>, ? extends R> body) {
        throw new Unimplemented("thread-move", "course-notes/07-threads.md");
    }

    /** Moves every handle of {@code values} into one new thread, all or nothing (T3, O2). */
    @Override
    public <V, R> JoinHandle<R> spawnAll(List<? extends Box<V>> values,
            Function<? super List<Box<V>>, ? extends R> body) {
        throw new Unimplemented("thread-move", "course-notes/07-threads.md");
    }
}
