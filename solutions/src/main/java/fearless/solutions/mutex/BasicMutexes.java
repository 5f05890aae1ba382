package fearless.solutions.mutex;

import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexProvider;

/** Hands the grader fresh {@link BasicMutex}es. */
public final class BasicMutexes implements MutexProvider {

    @Override
    public <T> Mutex<T> create(T value) {
        return new BasicMutex<>(value);
    }
}
