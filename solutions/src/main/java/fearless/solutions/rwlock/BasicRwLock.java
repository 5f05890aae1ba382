package fearless.solutions.rwlock;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.mutex.PoisonError;
import fearless.api.mutex.TryLockError;
import fearless.api.sync.RwLock;
import fearless.api.sync.RwLockReadGuard;
import fearless.api.sync.RwLockWriteGuard;
import java.util.function.Function;

/** TODO(scaffold): Rust's RwLock<T>. */
public final class BasicRwLock<T> implements RwLock<T> {

    BasicRwLock(T value) {
    }

    @Override
    public Result<RwLockReadGuard<T>, PoisonError<RwLockReadGuard<T>>> read() {
        throw new Unimplemented("rw-lock", "course-notes/09-shared-state.md");
    }

    @Override
    public Result<RwLockWriteGuard<T>, PoisonError<RwLockWriteGuard<T>>> write() {
        throw new Unimplemented("rw-lock", "course-notes/09-shared-state.md");
    }

    @Override
    public Result<RwLockReadGuard<T>, TryLockError<RwLockReadGuard<T>>> tryRead() {
        throw new Unimplemented("rw-lock", "course-notes/09-shared-state.md");
    }

    @Override
    public Result<RwLockWriteGuard<T>, TryLockError<RwLockWriteGuard<T>>> tryWrite() {
        throw new Unimplemented("rw-lock", "course-notes/09-shared-state.md");
    }

    @Override
    public <R> R withRead(Function<? super RwLockReadGuard<T>, ? extends R> body) {
        throw new Unimplemented("rw-lock", "course-notes/09-shared-state.md");
    }

    @Override
    public <R> R withWrite(Function<? super RwLockWriteGuard<T>, ? extends R> body) {
        throw new Unimplemented("rw-lock", "course-notes/09-shared-state.md");
    }

    @Override
    public boolean isPoisoned() {
        throw new Unimplemented("rw-lock", "course-notes/09-shared-state.md");
    }

    @Override
    public void clearPoison() {
        throw new Unimplemented("rw-lock", "course-notes/09-shared-state.md");
    }
}
