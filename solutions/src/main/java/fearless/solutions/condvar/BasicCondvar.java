package fearless.solutions.condvar;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.PoisonError;
import fearless.api.sync.Condvar;
import fearless.api.sync.WaitTimeoutResult;
import java.time.Duration;
import java.util.function.Predicate;

/** TODO(scaffold): Rust's Condvar. */
public final class BasicCondvar implements Condvar {

    @Override
    public <T> Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> wait(MutexGuard<T> guard) {
        throw new Unimplemented("condvar", "course-notes/09-shared-state.md");
    }

    @Override
    public <T> Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> waitWhile(MutexGuard<T> guard,
            Predicate<? super T> condition) {
        throw new Unimplemented("condvar", "course-notes/09-shared-state.md");
    }

    @Override
    public <T> Result<WaitTimeoutResult<MutexGuard<T>>, PoisonError<WaitTimeoutResult<MutexGuard<T>>>> waitTimeout(
            MutexGuard<T> guard, Duration timeout) {
        throw new Unimplemented("condvar", "course-notes/09-shared-state.md");
    }

    @Override
    public void notifyOne() {
        throw new Unimplemented("condvar", "course-notes/09-shared-state.md");
    }

    @Override
    public void notifyAllWaiters() {
        throw new Unimplemented("condvar", "course-notes/09-shared-state.md");
    }
}
