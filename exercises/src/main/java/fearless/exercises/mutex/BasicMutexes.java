package fearless.exercises.mutex;

import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexProvider;

/** How the grader finds your {@link BasicMutex}. Nothing to do here. */
public final class BasicMutexes implements MutexProvider {

    @Override
    public <T> Mutex<T> create(T value) {
        return new BasicMutex<>(value);
    }
}
