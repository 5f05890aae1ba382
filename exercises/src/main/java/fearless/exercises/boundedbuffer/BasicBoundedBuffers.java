package fearless.exercises.boundedbuffer;

import fearless.api.mutex.MutexProvider;
import fearless.api.sync.BoundedBuffer;
import fearless.api.sync.BoundedBufferProvider;
import fearless.api.sync.CondvarProvider;

/** How the grader finds your {@link BasicBoundedBuffer}. Nothing to do here. */
public final class BasicBoundedBuffers implements BoundedBufferProvider {

    @Override
    public <T> BoundedBuffer<T> create(int capacity, MutexProvider mutexes, CondvarProvider condvars) {
        return new BasicBoundedBuffer<>(capacity, mutexes, condvars);
    }
}
