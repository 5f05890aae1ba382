package fearless.grader.checks.kit;

import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The kit's {@link MutexProvider}: Rust's {@code Mutex<T>} done right, for the exercises that build
 * on a mutex (a condvar, a bounded buffer), so that their grade does not hang on the mutex
 * exercise. It keeps every mutex it made, so a check can ask afterwards whether the code under
 * test locked through them at all, and whether it left one locked.
 *
 * <p>Its mutexes are built on {@code java.util.concurrent.locks}, which the exercises forbid.
 */
public final class KitMutexes implements MutexProvider {

    private final List<KitMutex<?>> made = new CopyOnWriteArrayList<>();

    @Override
    public <T> Mutex<T> create(T value) {
        KitMutex<T> mutex = new KitMutex<>(value);
        made.add(mutex);
        return mutex;
    }

    /** Every mutex made so far, in the order made. */
    public List<KitMutex<?>> made() {
        return List.copyOf(made);
    }

    /** How many locks were taken through all of them, {@code tryLock} and {@code withLock} included. */
    public long locksTaken() {
        return made.stream().mapToLong(KitMutex::locksTaken).sum();
    }
}
