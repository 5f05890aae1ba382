package fearless.exercises.boundedbuffer;

import fearless.api.Unimplemented;
import fearless.api.mutex.MutexProvider;
import fearless.api.sync.BoundedBuffer;
import fearless.api.sync.CondvarProvider;

/**
 * A buffer of at most {@code capacity} items between producer and consumer threads, built only from
 * the {@code MutexProvider} and {@code CondvarProvider} you are given (read
 * {@code course-notes/09-shared-state.md}, section 9).
 *
 * <p>What to build:
 * <ul>
 *   <li>{@link #put} adds an item at the back, first waiting while the buffer is full;
 *       {@link #take} removes the item at the front, first waiting while it is empty. Items
 *       leave in the order they came.</li>
 *   <li>Every wait is a loop on its condition (C2): a wait may end without a notification, or
 *       after another thread took what the notification was about. The grader's condvar really
 *       does wake you without a notification.</li>
 *   <li>A thread that changes the buffer wakes the threads that may now go on (C1, C4): think
 *       about which threads wait for what, and whether one notification can reach a thread that
 *       cannot use it.</li>
 *   <li>Every item put is taken exactly once (X2); {@link #size} is how many it holds now,
 *       {@link #capacity} the capacity it was created with.</li>
 *   <li>A capacity below 1 is refused with {@code IllegalArgumentException}; a {@code null} item with
 *       {@code NullPointerException}, at once, leaving the buffer unchanged.</li>
 *   <li>A thread interrupted while it waits keeps waiting, as the condvar's wait does.</li>
 * </ul>
 *
 * <p>Hints: keep the items in a plain queue inside one {@code Mutex}, so they are reachable only
 * under the lock. Every lock comes from {@code mutexes} and every wait from a condvar of
 * {@code condvars}: no {@code synchronized}, no {@code java.util.concurrent} locks or queues. Ask
 * yourself how many condvars the two kinds of waiters need.
 *
 * @param <T> the items
 */
public final class BasicBoundedBuffer<T> implements BoundedBuffer<T> {

    // Suggested state: the capacity, one Mutex guarding a queue of items, and the condvars to wait on.

    BasicBoundedBuffer(int capacity, MutexProvider mutexes, CondvarProvider condvars) {
    }

    @Override
    public void put(T item) {
        throw new Unimplemented("bounded-buffer", "course-notes/09-shared-state.md");
    }

    @Override
    public T take() {
        throw new Unimplemented("bounded-buffer", "course-notes/09-shared-state.md");
    }

    @Override
    public int size() {
        throw new Unimplemented("bounded-buffer", "course-notes/09-shared-state.md");
    }

    @Override
    public int capacity() {
        throw new Unimplemented("bounded-buffer", "course-notes/09-shared-state.md");
    }
}
