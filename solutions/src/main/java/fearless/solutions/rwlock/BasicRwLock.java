package fearless.solutions.rwlock;

import fearless.api.OwnershipError;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.mutex.PoisonError;
import fearless.api.mutex.TryLockError;
import fearless.api.sync.RwLock;
import fearless.api.sync.RwLockReadGuard;
import fearless.api.sync.RwLockWriteGuard;
import java.util.Objects;
import java.util.function.Function;

/**
 * Rust's {@code std::sync::RwLock<T>}, built on one private Java monitor.
 *
 * <p>The lock's state is two fields guarded by the monitor: how many readers hold a share, and
 * whether a writer holds it alone. A reader waits in a {@code while} loop as long as a writer
 * holds the lock; a writer waits in a {@code while} loop as long as anyone holds it (R1). Every
 * release calls {@code notifyAll()}: a writer's release may let many readers in at once, and a
 * reader's release may be the one a writer waits for, so no single wake-up would do.
 *
 * <p>Only {@link #withWrite} poisons, when its body throws anything (an {@code Error} too), and it
 * sets the flag inside the same monitor block that unlocks, so the next holder always sees it.
 * Waiting ignores interrupts, as Rust's lock does; the interrupt flag is set again once the lock is
 * held. Which waiter goes first is left to the monitor: the api promises no fairness.
 *
 * @param <T> the guarded value
 */
public final class BasicRwLock<T> implements RwLock<T> {

    private final Object monitor = new Object();
    /** Read by readers holding a share, written only by the writer holding the lock. */
    private T value;
    /** How many read guards are open. Guarded by {@code monitor}, as are the two flags. */
    private int readers;
    private boolean writing;
    private boolean poisoned;

    /** An unlocked, unpoisoned lock around {@code value}. */
    BasicRwLock(T value) {
        this.value = value;
    }

    /** R1: waits while a writer holds the lock; on a poisoned lock the share is taken all the same. */
    @Override
    public Result<RwLockReadGuard<T>, PoisonError<RwLockReadGuard<T>>> read() {
        synchronized (monitor) {
            ReadGuard guard = acquireRead();
            return poisoned ? Result.err(new PoisonError<>(guard)) : Result.ok(guard);
        }
    }

    /** R1: waits while anyone holds the lock; on a poisoned lock the lock is taken all the same. */
    @Override
    public Result<RwLockWriteGuard<T>, PoisonError<RwLockWriteGuard<T>>> write() {
        synchronized (monitor) {
            WriteGuard guard = acquireWrite();
            return poisoned ? Result.err(new PoisonError<>(guard)) : Result.ok(guard);
        }
    }

    @Override
    public Result<RwLockReadGuard<T>, TryLockError<RwLockReadGuard<T>>> tryRead() {
        synchronized (monitor) {
            if (writing) {
                return Result.err(new TryLockError.WouldBlock<>());
            }
            readers++;
            ReadGuard guard = new ReadGuard();
            return poisoned ? Result.err(new TryLockError.Poisoned<>(new PoisonError<>(guard))) : Result.ok(guard);
        }
    }

    @Override
    public Result<RwLockWriteGuard<T>, TryLockError<RwLockWriteGuard<T>>> tryWrite() {
        synchronized (monitor) {
            if (writing || readers > 0) {
                return Result.err(new TryLockError.WouldBlock<>());
            }
            writing = true;
            WriteGuard guard = new WriteGuard();
            return poisoned ? Result.err(new TryLockError.Poisoned<>(new PoisonError<>(guard))) : Result.ok(guard);
        }
    }

    /** A reader cannot break the data: the share is given back on every path, and nothing is poisoned. */
    @Override
    public <R> R withRead(Function<? super RwLockReadGuard<T>, ? extends R> body) {
        Objects.requireNonNull(body, "body");
        ReadGuard guard;
        synchronized (monitor) {
            guard = acquireRead();
        }
        try {
            return body.apply(guard);
        } finally {
            guard.close();
        }
    }

    /**
     * R1: the guard is released in {@code finally}; a body that did not return normally (whatever
     * it threw) poisons the lock in the same step that unlocks it.
     */
    @Override
    public <R> R withWrite(Function<? super RwLockWriteGuard<T>, ? extends R> body) {
        Objects.requireNonNull(body, "body");
        WriteGuard guard;
        boolean poisonedAtEntry;
        synchronized (monitor) {
            guard = acquireWrite();
            poisonedAtEntry = poisoned;
        }
        if (poisonedAtEntry) {
            guard.release(false);
            throw new Panic("withWrite() on a poisoned RwLock: an earlier writer failed while holding it (R1);"
                    + " write() still gives the data back, clearPoison() forgives");
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
            return poisoned;
        }
    }

    @Override
    public void clearPoison() {
        synchronized (monitor) {
            poisoned = false;
        }
    }

    /** Takes a share for the calling thread. The caller holds the monitor. */
    private ReadGuard acquireRead() {
        boolean interrupted = false;
        while (writing) {
            interrupted |= waitInterruptibly();
        }
        readers++;
        restoreInterrupt(interrupted);
        return new ReadGuard();
    }

    /** Takes the lock alone for the calling thread. The caller holds the monitor. */
    private WriteGuard acquireWrite() {
        boolean interrupted = false;
        while (writing || readers > 0) {
            interrupted |= waitInterruptibly();
        }
        writing = true;
        restoreInterrupt(interrupted);
        return new WriteGuard();
    }

    /** One wait on the monitor; whether it was interrupted. The caller holds the monitor. */
    private boolean waitInterruptibly() {
        try {
            monitor.wait();
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    private static void restoreInterrupt(boolean interrupted) {
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A share of the lock; the only way readers reach {@link #value}. */
    private final class ReadGuard implements RwLockReadGuard<T> {

        /** Guarded by {@code monitor}. */
        private boolean released;

        @Override
        public T get() {
            synchronized (monitor) {
                if (released) {
                    throw OwnershipError.useAfterMove("this RwLockReadGuard was dropped: its share of the lock is given"
                            + " back, so the value is out of its reach");
                }
            }
            return value;
        }

        /** Gives the share back once; a second close does nothing. */
        @Override
        public void close() {
            synchronized (monitor) {
                if (released) {
                    return;
                }
                released = true;
                readers--;
                monitor.notifyAll();
            }
        }
    }

    /** Sole hold of the lock; the only way to replace {@link #value}. */
    private final class WriteGuard implements RwLockWriteGuard<T> {

        /** Guarded by {@code monitor}. */
        private boolean released;

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

        /** Never poisons: only withWrite knows whether the body failed. */
        @Override
        public void close() {
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
                writing = false;
                monitor.notifyAll();
            }
        }

        private void ensureUsable() {
            synchronized (monitor) {
                if (released) {
                    throw OwnershipError.useAfterMove("this RwLockWriteGuard was dropped: the lock is released, so the"
                            + " value is out of its reach");
                }
            }
        }
    }
}
