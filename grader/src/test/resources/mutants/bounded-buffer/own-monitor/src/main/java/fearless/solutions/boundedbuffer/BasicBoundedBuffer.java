package fearless.solutions.boundedbuffer;

import fearless.api.mutex.MutexProvider;
import fearless.api.sync.BoundedBuffer;
import fearless.api.sync.CondvarProvider;
import java.util.ArrayDeque;
import java.util.Objects;

/** MUTANT: a textbook monitor buffer that never uses the providers it is given. */
public final class BasicBoundedBuffer<T> implements BoundedBuffer<T> {

    private final int capacity;
    private final ArrayDeque<T> items = new ArrayDeque<>();

    BasicBoundedBuffer(int capacity, MutexProvider mutexes, CondvarProvider condvars) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " is below 1");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void put(T item) {
        Objects.requireNonNull(item, "item");
        boolean interrupted = false;
        while (items.size() == capacity) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        items.addLast(item);
        notifyAll();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized T take() {
        boolean interrupted = false;
        while (items.isEmpty()) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        T first = items.pollFirst();
        notifyAll();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return first;
    }

    @Override
    public synchronized int size() {
        return items.size();
    }

    @Override
    public int capacity() {
        return capacity;
    }
}
