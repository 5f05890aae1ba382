package fearless.solutions.boundedbuffer;

import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.MutexProvider;
import fearless.api.sync.BoundedBuffer;
import fearless.api.sync.Condvar;
import fearless.api.sync.CondvarProvider;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * The classic bounded buffer: one mutex guards the queue of items, and two condvars name the two
 * conditions threads wait for, "not full" for producers and "not empty" for consumers. Each wait
 * is a {@code while} loop on its condition, so a spurious wake-up, or a wake-up whose item another
 * thread took first, only sends the thread back to waiting (C2). A put wakes one consumer and a
 * take one producer, after changing the queue and before unlocking (C1); with a condvar per kind of
 * waiter, the one woken is always a thread that can use the change, so {@code notifyOne} is enough.
 * The checks do not rely on the notification coming before the unlock: any time after the change
 * would do, since notifying needs no lock.
 *
 * @param <T> the items
 */
public final class BasicBoundedBuffer<T> implements BoundedBuffer<T> {

    private final int capacity;
    private final Mutex<Deque<T>> items;
    private final Condvar notFull;
    private final Condvar notEmpty;

    BasicBoundedBuffer(int capacity, MutexProvider mutexes, CondvarProvider condvars) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " is below 1");
        }
        this.capacity = capacity;
        this.items = mutexes.create(new ArrayDeque<>());
        this.notFull = condvars.create();
        this.notEmpty = condvars.create();
    }

    @Override
    public void put(T item) {
        Objects.requireNonNull(item, "item");
        MutexGuard<Deque<T>> guard = items.lock().unwrap();
        try {
            while (guard.get().size() == capacity) {
                guard = notFull.wait(guard).unwrap();
            }
            guard.get().addLast(item);
            notEmpty.notifyOne();
        } finally {
            guard.close();
        }
    }

    @Override
    public T take() {
        MutexGuard<Deque<T>> guard = items.lock().unwrap();
        try {
            while (guard.get().isEmpty()) {
                guard = notEmpty.wait(guard).unwrap();
            }
            T first = guard.get().pollFirst();
            notFull.notifyOne();
            return first;
        } finally {
            guard.close();
        }
    }

    @Override
    public int size() {
        try (MutexGuard<Deque<T>> guard = items.lock().unwrap()) {
            return guard.get().size();
        }
    }

    @Override
    public int capacity() {
        return capacity;
    }
}
