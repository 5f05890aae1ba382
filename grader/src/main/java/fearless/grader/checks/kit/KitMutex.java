package fearless.grader.checks.kit;

import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.PoisonError;
import fearless.api.mutex.TryLockError;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One mutex of {@link KitMutexes}: a {@link ReentrantLock} that refuses to be taken twice by one
 * thread (X7), with the guard rules of the api (X1, X8) and poisoning by {@link #withLock} (X4).
 *
 * <p>A check can make it adversarial: {@link #afterNextUnlock} runs an action on the unlocking
 * thread right after the lock was let go, before that thread does anything else. Between a
 * condvar's unlock and its wait, that is where a notification gets lost (C1).
 *
 * @param <T> the guarded value
 */
public final class KitMutex<T> implements Mutex<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong locksTaken = new AtomicLong();
    private final AtomicReference<Consumer<Thread>> afterNextUnlock = new AtomicReference<>();
    /** Read and written by the holder only. */
    private T value;
    private volatile boolean poisoned;
    private volatile boolean consumed;
    /** The thread that holds the lock, or null. */
    private volatile Thread holder;

    KitMutex(T value) {
        this.value = value;
    }

    /**
     * Runs {@code action} once, on the thread that next unlocks this mutex, right after the
     * unlock; it receives that thread. A failure of the action is that thread's failure.
     */
    public void afterNextUnlock(Consumer<Thread> action) {
        afterNextUnlock.set(Objects.requireNonNull(action, "action"));
    }

    /** Whether some thread holds the lock right now. */
    public boolean isLocked() {
        return lock.isLocked();
    }

    /** The thread that holds the lock right now, or null. */
    public Thread holder() {
        return holder;
    }

    /** Whether the calling thread holds the lock. */
    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    /** How many times the lock was taken. */
    public long locksTaken() {
        return locksTaken.get();
    }

    @Override
    public Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> lock() {
        MutexGuard<T> guard = acquire("lock()");
        if (poisoned) {
            return Result.err(new PoisonError<>(guard));
        }
        return Result.ok(guard);
    }

    @Override
    public Result<MutexGuard<T>, TryLockError<MutexGuard<T>>> tryLock() {
        alive();
        if (lock.isHeldByCurrentThread() || !lock.tryLock()) {
            return Result.err(new TryLockError.WouldBlock<>());
        }
        holder = Thread.currentThread();
        locksTaken.incrementAndGet();
        Guard guard = new Guard();
        return poisoned ? Result.err(new TryLockError.Poisoned<>(new PoisonError<>(guard))) : Result.ok(guard);
    }

    @Override
    public <R> R withLock(Function<? super MutexGuard<T>, ? extends R> body) {
        Objects.requireNonNull(body, "body");
        Guard guard = acquire("withLock()");
        if (poisoned) {
            guard.unlock(false);
            throw new Panic("withLock() on a poisoned mutex (X5)");
        }
        boolean failed = true;
        try {
            R result = body.apply(guard);
            failed = false;
            return result;
        } finally {
            guard.unlock(failed);
        }
    }

    @Override
    public boolean isPoisoned() {
        alive();
        return poisoned;
    }

    @Override
    public void clearPoison() {
        alive();
        poisoned = false;
    }

    @Override
    public Result<T, PoisonError<T>> intoInner() {
        alive();
        if (lock.isHeldByCurrentThread()) {
            throw new OwnershipError(ErrorCode.E0505, "intoInner() while this thread holds a guard (X6)");
        }
        lock.lock();
        try {
            alive();
            T inner = value;
            value = null;
            consumed = true;
            if (poisoned) {
                return Result.err(new PoisonError<>(inner));
            }
            return Result.ok(inner);
        } finally {
            lock.unlock();
        }
    }

    private Guard acquire(String call) {
        alive();
        if (lock.isHeldByCurrentThread()) {
            throw new Panic(call + " on the thread that holds this mutex: in Rust this deadlocks (X7)");
        }
        if (!lock.tryLock()) {
            KitWaits.begin(() -> {
                Thread now = holder;
                return call + " on a mutex" + (now == null ? "" : " held by '" + now.getName() + "'");
            }, () -> holder);
            try {
                lock.lock();
            } finally {
                KitWaits.end();
            }
        }
        if (consumed) {
            lock.unlock();
            alive();
        }
        holder = Thread.currentThread();
        locksTaken.incrementAndGet();
        return new Guard();
    }

    private void alive() {
        if (consumed) {
            throw OwnershipError.useAfterMove("the kit's mutex was used up by intoInner() (X6)");
        }
    }

    /** The api's guard: bound to the locking thread, dead once closed. */
    private final class Guard implements MutexGuard<T> {

        private final Thread holder = Thread.currentThread();
        private boolean open = true;

        @Override
        public T get() {
            usable("get()");
            return value;
        }

        @Override
        public void set(T newValue) {
            usable("set()");
            value = newValue;
        }

        @Override
        public Mutex<T> mutex() {
            return KitMutex.this;
        }

        @Override
        public void close() {
            onHolder("close()");
            unlock(false);
        }

        void unlock(boolean poison) {
            if (!open) {
                return;
            }
            open = false;
            if (poison) {
                poisoned = true;
            }
            KitMutex.this.holder = null;
            lock.unlock();
            Consumer<Thread> action = afterNextUnlock.getAndSet(null);
            if (action != null) {
                action.accept(holder);
            }
        }

        private void usable(String call) {
            onHolder(call);
            if (!open) {
                throw OwnershipError.useAfterMove(call + " on a closed MutexGuard: the lock was released");
            }
        }

        private void onHolder(String call) {
            if (Thread.currentThread() != holder) {
                throw new OwnershipError(ErrorCode.E0277, call + " on a MutexGuard from thread '"
                        + Thread.currentThread().getName() + "': it belongs to '" + holder.getName()
                        + "', which locked (X8)");
            }
        }
    }
}
