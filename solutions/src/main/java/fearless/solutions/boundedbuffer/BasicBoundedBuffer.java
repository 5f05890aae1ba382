package fearless.solutions.boundedbuffer;

import fearless.api.Unimplemented;
import fearless.api.mutex.MutexProvider;
import fearless.api.sync.BoundedBuffer;
import fearless.api.sync.CondvarProvider;

/** TODO(scaffold): a bounded buffer on a mutex and condvars. */
public final class BasicBoundedBuffer<T> implements BoundedBuffer<T> {

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
