package fearless.api.sync;

/**
 * A buffer of at most {@link #capacity()} items between producer and consumer threads, the classic
 * use of a {@link Condvar}: built on one {@link fearless.api.mutex.Mutex} guarding the items and
 * condvars to wait on, all from the providers the buffer was made with.
 *
 * <pre>{@code
 * BoundedBuffer<String> buf = buffers.create(2, mutexes, condvars);
 * threads.spawn(() -> { for (String s : words) buf.put(s); });    // waits while 2 are in
 * String first = buf.take();                                      // waits while none is in
 * }</pre>
 *
 * <p>Rules (see {@code course-notes/09-shared-state.md}): every wait is a loop on its condition,
 * because a wake-up can be spurious or meant for another thread (C2); a thread that changes the
 * buffer wakes the threads that may now go on (C1, C4); every item put is taken exactly once,
 * none lost or duplicated (X2). Any number of threads may put and take at the same time. A
 * thread interrupted while it waits in {@link #put} or {@link #take} keeps waiting, as it does in
 * {@link Condvar#wait}, and finds its interrupt flag set again when the call returns.
 *
 * @param <T> the items
 */
public interface BoundedBuffer<T> {

    /**
     * Adds {@code item} at the back, first waiting while the buffer holds {@link #capacity()}
     * items. A {@code null} item is refused with {@code NullPointerException}, and the buffer is
     * unchanged.
     */
    void put(T item);

    /** Removes and returns the item at the front, first waiting while the buffer is empty. */
    T take();

    /** How many items the buffer holds right now. */
    int size();

    /** The most items it holds at once: the capacity it was created with. */
    int capacity();
}
