package fearless.solutions.mutex;

import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.PoisonError;
import fearless.api.mutex.TryLockError;
import java.util.Objects;
import java.util.function.Function;

/**
 * Rust's {@code std::sync::Mutex<T>}, built on one Java monitor.
 *
 * <p>The lock itself is the field {@code owner}: the thread that holds it, or {@code null}.
 * Locking tests and sets it inside the monitor, one atomic step (X2); a thread that finds it taken
 * waits in a {@code while} loop, because a wake-up may be spurious or another thread may take the
 * lock first (C2). Unlocking clears it and calls {@code notifyAll()}, so no waiter can miss its
 * wake-up. The monitor is a private object: no code outside this class can lock or wait on it.
 *
 * <p>Choices the api leaves open, made the way Rust would:
 * <ul>
 *   <li>X7: {@link #lock()} and {@link #withLock} on the thread that holds the lock throw a
 *       {@link Panic} at once instead of deadlocking; {@link #tryLock()} answers
 *       {@code WouldBlock}.</li>
 *   <li>X6: {@link #intoInner()} on the thread that holds the lock is E0505, which the api asks
 *       for: rustc refuses to move the mutex out while the guard borrows it.</li>
 *   <li>Waiting for the lock ignores interrupts, as Rust's lock and {@code ReentrantLock.lock()}
 *       do; the interrupt flag is set again once the lock is taken.</li>
 *   <li>After {@link #intoInner()} the mutex is gone: every method, {@link #isPoisoned()} and
 *       {@link #clearPoison()} included, is E0382. Rust moved it; no use of it would compile.</li>
 * </ul>
 *
 * @param <T> the guarded value
 */
public final class BasicMutex<T> implements Mutex<T> {

    private final Object monitor = new Object();
    /** Read and written only by the thread holding the lock, after taking it through the monitor. */
    private T value;
    /** The thread holding the lock, or {@code null}. Guarded by {@code monitor}, as are the flags. */
    private Thread owner;
    private boolean poisoned;
    private boolean consumed;

    /** An unlocked, unpoisoned mutex around {@code value}. */
    public BasicMutex(T value) {
        this.value = value;
    }

    /** X1, X5: blocks until free; on a poisoned mutex the lock is taken all the same. */
    @Override
    public Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> lock() {
        synchronized (monitor) {
            Guard guard = acquire("lock()");
            return poisoned ? Result.err(new PoisonError<>(guard)) : Result.ok(guard);
        }
    }

    /** X3: never waits. A lock held by the calling thread is held, so that is WouldBlock too. */
    @Override
    public Result<MutexGuard<T>, TryLockError<MutexGuard<T>>> tryLock() {
        synchronized (monitor) {
            ensureAlive();
            if (owner != null) {
                return Result.err(new TryLockError.WouldBlock<>());
            }
            owner = Thread.currentThread();
            Guard guard = new Guard(owner);
            return poisoned
                    ? Result.err(new TryLockError.Poisoned<>(new PoisonError<>(guard)))
                    : Result.ok(guard);
        }
    }

    /**
     * X4: the guard is released in {@code finally}, so every path unlocks; a body that throws
     * while its guard still holds the lock poisons the mutex on the way out.
     */
    @Override
    public <R> R withLock(Function<? super MutexGuard<T>, ? extends R> body) {
        Objects.requireNonNull(body, "body");
        Guard guard;
        boolean poisonedAtEntry;
        synchronized (monitor) {
            guard = acquire("withLock()");
            poisonedAtEntry = poisoned;
        }
        if (poisonedAtEntry) {
            guard.release(false);
            throw new Panic("withLock() on a poisoned mutex: an earlier holder failed while holding it"
                    + " (X5); lock() still gives the data back, clearPoison() forgives");
        }
        boolean returned = false;
        try {
            R result = body.apply(guard);
            returned = true;
            return result;
        } finally {
            guard.release(!returned);
        }
    }

    @Override
    public boolean isPoisoned() {
        synchronized (monitor) {
            ensureAlive();
            return poisoned;
        }
    }

    @Override
    public void clearPoison() {
        synchronized (monitor) {
            ensureAlive();
            poisoned = false;
        }
    }

    /** X6: waits until no guard is out, then hands the value over and retires the mutex. */
    @Override
    public Result<T, PoisonError<T>> intoInner() {
        synchronized (monitor) {
            ensureAlive();
            if (owner == Thread.currentThread()) {
                throw new OwnershipError(ErrorCode.E0505, "intoInner() while this thread still holds a guard of this"
                        + " mutex: the guard borrows the mutex, so it cannot be moved out (X6); close the guard first");
            }
            awaitUnlocked();
            ensureAlive(); // another thread's intoInner() may have won while we waited
            consumed = true;
            T inner = value;
            value = null;
            return poisoned ? Result.err(new PoisonError<>(inner)) : Result.ok(inner);
        }
    }

    /** Takes the lock for the calling thread. The caller holds the monitor. */
    private Guard acquire(String operation) {
        ensureAlive();
        ensureNotHeldByCaller(operation);
        awaitUnlocked();
        ensureAlive(); // intoInner() may have consumed the mutex while we waited
        owner = Thread.currentThread();
        return new Guard(owner);
    }

    /** Waits, in a loop, until nobody holds the lock. The caller holds the monitor. */
    private void awaitUnlocked() {
        boolean interrupted = false;
        while (owner != null) {
            try {
                monitor.wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureNotHeldByCaller(String operation) {
        if (owner == Thread.currentThread()) {
            throw new Panic(operation + " on the thread that already holds this mutex: in Rust this"
                    + " deadlocks (X7); close the guard first");
        }
    }

    private void ensureAlive() {
        if (consumed) {
            throw OwnershipError.useAfterMove("this Mutex was consumed by intoInner()");
        }
    }

    /** Proof that {@link #owner} holds the lock; the only way to {@link #value}. */
    private final class Guard implements MutexGuard<T> {

        private final Thread holder;
        /** Read and written by the holder thread only (every method checks the thread first). */
        private boolean released;

        Guard(Thread holder) {
            this.holder = holder;
        }

        @Override
        public T get() {
            ensureUsable();
            return value;
        }

        @Override
        public void set(T newValue) {
            ensureUsable();
            value = newValue;
        }

        /** Names the mutex, so a condvar can lock it again; no data, so any thread may ask. */
        @Override
        public Mutex<T> mutex() {
            return BasicMutex.this;
        }

        /** X1, X8: only the locking thread may unlock; a second close does nothing. */
        @Override
        public void close() {
            ensureHolder();
            release(false);
        }

        /** Unlocks once, poisoning first if asked, and wakes every waiter. */
        void release(boolean poison) {
            synchronized (monitor) {
                if (released) {
                    return;
                }
                released = true;
                poisoned |= poison;
                owner = null;
                monitor.notifyAll();
            }
        }

        private void ensureUsable() {
            ensureHolder();
            if (released) {
                throw OwnershipError.useAfterMove(
                        "this MutexGuard was dropped: the lock is released, so the value is out of its reach");
            }
        }

        /** X8: a guard is {@code !Send}; it belongs to the thread that locked. */
        private void ensureHolder() {
            Thread current = Thread.currentThread();
            if (current != holder) {
                throw new OwnershipError(ErrorCode.E0277, "this MutexGuard belongs to thread '"
                        + holder.getName() + "', which locked the mutex; thread '" + current.getName()
                        + "' may not use or close it");
            }
        }
    }
}
