package fearless.exercises.rwlock;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.mutex.PoisonError;
import fearless.api.mutex.TryLockError;
import fearless.api.sync.RwLock;
import fearless.api.sync.RwLockReadGuard;
import fearless.api.sync.RwLockWriteGuard;
import java.util.function.Function;

/**
 * Your {@code RwLock<T>}: many readers at once, or one writer alone (rule R1, lesson
 * {@code course-notes/09-shared-state.md}, sections 5 and 10).
 *
 * <p>What to build:
 * <ul>
 *   <li>{@link #read()} waits while a writer holds the lock, then takes a share; any number of
 *       readers may hold a share at the same time. {@link #write()} waits while anyone (a reader
 *       or a writer) holds the lock, then takes it alone. Both return the guard inside
 *       {@code Err(PoisonError(guard))} when the lock is poisoned: the lock is held either way.</li>
 *   <li>{@link #tryRead()} and {@link #tryWrite()} never wait: they answer {@code Err(WouldBlock)}
 *       when the call would have to.</li>
 *   <li>A guard's {@code get()} (and the write guard's {@code set}) after its {@code close()} is
 *       error E0382; closing a guard twice gives the lock back once.</li>
 *   <li>{@link #withWrite} poisons the lock when its body throws anything, an {@code Error} too,
 *       before it unlocks, and panics (without running the body) on a lock already poisoned.
 *       {@link #withRead} never poisons: a reader cannot have broken the data.</li>
 *   <li>A thread interrupted while it waits keeps waiting, and finds its interrupt flag set again
 *       once it holds the lock.</li>
 * </ul>
 *
 * <p>Hints: the state is small, a count of readers and whether a writer is in, kept behind one
 * private monitor. Wait in a loop, never with a single check: a thread woken up must look again,
 * since another may have got in first. Think about who may be waiting when a writer leaves: more
 * than one thread may now go in. No {@code java.util.concurrent} locks, and no sleeping to wait.
 */
public final class BasicRwLock<T> implements RwLock<T> {

    // Suggested state: the value, the number of readers, whether a writer holds the lock, the poison flag,
    // and a private object to synchronize and wait on.

    private T value;

    BasicRwLock(T value) {
        this.value = value;
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
