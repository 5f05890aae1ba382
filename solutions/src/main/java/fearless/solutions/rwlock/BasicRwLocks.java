package fearless.solutions.rwlock;

import fearless.api.sync.RwLock;
import fearless.api.sync.RwLockProvider;

/** How the grader finds your {@link BasicRwLock}. Nothing to do here. */
public final class BasicRwLocks implements RwLockProvider {

    @Override
    public <T> RwLock<T> create(T value) {
        return new BasicRwLock<>(value);
    }
}
