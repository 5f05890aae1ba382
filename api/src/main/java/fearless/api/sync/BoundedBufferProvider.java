package fearless.api.sync;

import fearless.api.mutex.MutexProvider;

/**
 * How the grader obtains a submission's {@link BoundedBuffer}. Register the implementation in
 * {@code META-INF/services/fearless.api.sync.BoundedBufferProvider}.
 */
public interface BoundedBufferProvider {

    /**
     * A new, empty buffer of {@code capacity} items, whose every lock comes from {@code mutexes}
     * and every wait from a condvar of {@code condvars}: the grader passes its own working ones,
     * so this exercise is graded whatever becomes of the mutex and condvar exercises. A capacity
     * below 1 is refused with {@code IllegalArgumentException}.
     */
    <T> BoundedBuffer<T> create(int capacity, MutexProvider mutexes, CondvarProvider condvars);
}
