package fearless.exercises.mutex;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.PoisonError;
import fearless.api.mutex.TryLockError;
import java.util.function.Function;

/**
 * Exercise {@code mutex}: Rust's {@code std::sync::Mutex<T>}, with guards and poisoning.
 *
 * <p>Build a lock around a value that is reachable only through a guard. {@link #lock()} blocks
 * until the lock is free and returns a guard; closing the guard unlocks. {@link #tryLock()} never
 * blocks. {@link #withLock} runs a function under the lock; if the function throws, the mutex
 * becomes poisoned. A poisoned mutex still locks, but hands the guard back inside a
 * {@link PoisonError} until {@link #clearPoison()}. {@link #intoInner()} retires the mutex and
 * returns the value; called by the thread that still holds a guard, it throws
 * {@code OwnershipError} E0505 (rustc refuses to move the mutex out while the guard borrows it).
 * Locking again on the thread that holds the lock throws a {@code fearless.api.Panic} instead of
 * deadlocking, and a guard used from another thread throws {@code OwnershipError} E0277.
 *
 * <p>Rules: X1 to X8. Read {@code course-notes/06-mutex.md} first.
 *
 * <p>Hints:
 * <ul>
 *   <li>Build it from Java's own monitors ({@code synchronized}, {@code wait}, {@code notifyAll}),
 *       or {@code LockSupport} or {@code java.util.concurrent.atomic}; never from
 *       {@code java.util.concurrent.locks} or a {@code java.util.concurrent} queue.</li>
 *   <li>Test and set "locked" in one atomic step (X2), and wait in a loop:
 *       {@code while (locked) wait();} (C2). Unlock with {@code notifyAll()}.</li>
 *   <li>{@code withLock} unlocks in a {@code finally} block: every path must unlock (X4).</li>
 *   <li>The guard belongs to the thread that locked: remember that thread (X8).</li>
 * </ul>
 *
 * @param <T> the guarded value
 */
public final class BasicMutex<T> implements Mutex<T> {

    // Suggested state (your choice): a private lock object to synchronize on, the value, the
    // thread holding the lock (or null), a poisoned flag, and a flag saying intoInner() ran.

    /** An unlocked, unpoisoned mutex around {@code value}. */
    public BasicMutex(T value) {
        // TODO: keep the value. Do not throw here.
    }

    /** Blocks until the lock is free, then takes it (X1, X2); poisoned: Err(PoisonError(guard)) (X5). */
    @Override
    public Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> lock() {
        throw new Unimplemented("mutex", "course-notes/06-mutex.md");
    }

    /** Takes the lock only if it is free right now; never blocks (X3). */
    @Override
    public Result<MutexGuard<T>, TryLockError<MutexGuard<T>>> tryLock() {
        throw new Unimplemented("mutex", "course-notes/06-mutex.md");
    }

    /** Runs {@code body} under the lock; unlocks on every path; a throwing body poisons (X4). */
    @Override
    public <R> R withLock(Function<? super MutexGuard<T>, ? extends R> body) {
        throw new Unimplemented("mutex", "course-notes/06-mutex.md");
    }

    /** Whether a holder failed while holding the lock, and nobody cleared it since (X4, X5). */
    @Override
    public boolean isPoisoned() {
        throw new Unimplemented("mutex", "course-notes/06-mutex.md");
    }

    /** Forgives the poison (X5). */
    @Override
    public void clearPoison() {
        throw new Unimplemented("mutex", "course-notes/06-mutex.md");
    }

    /**
     * Waits for the lock, retires the mutex and returns the value (X6); every later use is E0382.
     * E0505 if the calling thread still holds a guard (X6).
     */
    @Override
    public Result<T, PoisonError<T>> intoInner() {
        throw new Unimplemented("mutex", "course-notes/06-mutex.md");
    }

    /**
     * A suggested guard: proof that the lock is held. {@code get}/{@code set} after {@code close}
     * are E0382; from another thread they are E0277; closing twice does nothing (X8).
     */
    private final class Guard implements MutexGuard<T> {

        // Suggested state (your choice): the thread that locked, and whether this guard is closed.

        /** The guarded value. */
        @Override
        public T get() {
            throw new Unimplemented("mutex", "course-notes/06-mutex.md");
        }

        /** Replaces the guarded value. */
        @Override
        public void set(T value) {
            throw new Unimplemented("mutex", "course-notes/06-mutex.md");
        }

        /** The mutex this guard locks: a condvar locks it again after a wait (lesson 9). */
        @Override
        public Mutex<T> mutex() {
            throw new Unimplemented("mutex", "course-notes/06-mutex.md");
        }

        /** Unlocks, once, and only from the locking thread (X1, X8). */
        @Override
        public void close() {
            throw new Unimplemented("mutex", "course-notes/06-mutex.md");
        }
    }
}
