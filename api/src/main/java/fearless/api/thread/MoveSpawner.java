package fearless.api.thread;

import fearless.api.ownership.Box;
import java.util.List;
import java.util.function.Function;

/**
 * Rust's {@code thread::spawn(move || ...)}: a thread that takes ownership of the values it
 * uses. The values travel in {@link Box}es, lesson 1's owning handles: the caller's handle is
 * moved into the thread, so the caller can no longer reach the value and the thread alone owns it.
 *
 * <pre>{@code
 * Box<List<Integer>> v = boxes.create(List.of(1, 2, 3), drop);
 * JoinHandle<Integer> h = spawner.spawn(v, mine -> mine.get().size()); // move || v.len()
 * v.get();                              // error[E0382]: use of moved value (T3)
 * h.join().unwrap();                    // 3; the thread dropped the list when its body ended
 * }</pre>
 *
 * <p>Rules (see {@code course-notes/07-threads.md}): T3 values moved into a thread belong to it;
 * the spawning thread's handles to them are dead; O2 a moved-from handle is E0382 on every use.
 */
public interface MoveSpawner {

    /**
     * Moves {@code value} into a new thread and runs {@code body} there with the thread's own
     * handle to it (T3). The move happens before {@code spawn} returns: from then on {@code value}
     * is dead to the caller (O2), whatever the thread is doing. The thread owns the value: when
     * {@code body} ends, by returning or by throwing, the thread drops the handle it was given,
     * on the spawned thread itself and before {@link JoinHandle#join()} returns, unless
     * {@code body} moved the value on (for example by returning {@code mine.move()}, which hands
     * it back to whoever joins). A drop action that throws ends the thread with that throwable:
     * {@code join} gives it as the error, unless {@code body} had already thrown, whose payload
     * {@code join} gives instead. E0382 if {@code value} is already dead: no thread starts.
     */
    <V, R> JoinHandle<R> spawn(Box<V> value, Function<? super Box<V>, ? extends R> body);

    /**
     * Moves every handle of {@code values} into one new thread and runs {@code body} there with
     * the thread's own handles, in the same order (T3). All or nothing: if any handle is dead, or
     * the same handle appears twice (a value cannot be moved twice), this is E0382, nothing is
     * moved and no thread starts. When {@code body} ends the thread drops every handle it still
     * owns, in order, as {@link #spawn} does for one.
     * Another thread that closes one of these handles while {@code spawnAll} runs is a race Rust
     * rules out (the list is moved as a whole); the kit asks only that no value is lost or dropped
     * twice: either every value reaches the thread, or this is E0382, no thread starts, and the
     * values already moved are dropped on the calling thread, as a panicking Rust function drops
     * what it owns.
     */
    <V, R> JoinHandle<R> spawnAll(List<? extends Box<V>> values, Function<? super List<Box<V>>, ? extends R> body);
}
