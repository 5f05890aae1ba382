package fearless.grader.checks.kit;

import fearless.api.Result;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.PoisonError;
import fearless.api.sync.Condvar;
import fearless.api.sync.WaitTimeoutResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * One condvar of {@link KitCondvars}. A wait enters its waiter in a list under an internal
 * {@link ReentrantLock} before it closes the guard, so a notification sent after the unlock finds
 * it (C1); it then parks with {@link LockSupport} until a notification marks it, and locks again
 * through {@link MutexGuard#mutex()}. An interrupt does not end the wait: the flag is set again
 * when it returns. What the provider's adversary does (spurious wake-ups, which waiter
 * {@code notifyOne} picks, held wake-ups) is described there.
 */
public final class KitCondvar implements Condvar {

    /** One waiting thread; its fields change under {@link #list}'s lock and are read by the waiter. */
    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        volatile boolean notified;
        volatile boolean held;
    }

    private final KitCondvars owner;
    private final int index;
    private final ReentrantLock list = new ReentrantLock();
    private final List<Waiter> queue = new ArrayList<>();
    private final List<Waiter> heldNow = new ArrayList<>();
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong spuriousSent = new AtomicLong();
    private final AtomicLong notifications = new AtomicLong();
    private final Set<Thread> everWaited = ConcurrentHashMap.newKeySet();
    private final Set<Mutex<?>> mutexes = ConcurrentHashMap.newKeySet();

    KitCondvar(KitCondvars owner, int index) {
        this.owner = owner;
        this.index = index;
    }

    /** Its place among the provider's condvars: 0 for the first made. */
    public int index() {
        return index;
    }

    /** How many waits were started on it, spurious ones included. */
    public long waitsStarted() {
        return waits.get();
    }

    /** How many of those waits returned spuriously, by the adversary's choice. */
    public long spuriousWakeups() {
        return spuriousSent.get();
    }

    /** How many times {@code notifyOne} or {@code notifyAllWaiters} was called on it. */
    public long notificationsSent() {
        return notifications.get();
    }

    /** Every thread that ever waited on it. */
    public Set<Thread> threadsThatWaited() {
        return Set.copyOf(everWaited);
    }

    /** The mutexes whose guards were passed to its waits. */
    public Set<Mutex<?>> mutexesWaitedWith() {
        return Set.copyOf(mutexes);
    }

    /** The threads waiting on it now, the notified ones still held included, longest waiting first. */
    public List<Thread> waiters() {
        list.lock();
        try {
            Set<Thread> threads = new LinkedHashSet<>();
            heldNow.forEach(w -> threads.add(w.thread));
            queue.forEach(w -> threads.add(w.thread));
            return List.copyOf(threads);
        } finally {
            list.unlock();
        }
    }

    @Override
    public <T> Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> wait(MutexGuard<T> guard) {
        Objects.requireNonNull(guard, "guard");
        Mutex<T> mutex = guard.mutex();
        Waiter me = enter(guard, mutex);
        if (me == null) {
            return relock(mutex, false);
        }
        boolean interrupted = false;
        while (!me.notified || me.held) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        return relock(mutex, interrupted);
    }

    @Override
    public <T> Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> waitWhile(
            MutexGuard<T> guard, Predicate<? super T> condition) {
        Predicate<? super T> stillWaiting = Objects.requireNonNull(condition, "condition");
        Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> held = Result.ok(guard);
        // C2: asked first, then after every wake-up, spurious ones included; poison ends the wait.
        while (held.isOk() && stillWaiting.test(held.unwrap().get())) {
            held = wait(held.unwrap());
        }
        return held;
    }

    @Override
    public <T> Result<WaitTimeoutResult<MutexGuard<T>>, PoisonError<WaitTimeoutResult<MutexGuard<T>>>> waitTimeout(
            MutexGuard<T> guard, Duration timeout) {
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(timeout, "timeout");
        Mutex<T> mutex = guard.mutex();
        if (timeout.isZero() || timeout.isNegative()) {
            guard.close();
            return timed(mutex.lock(), true, false);
        }
        long budget = saturatedNanos(timeout);
        long start = System.nanoTime();
        Waiter me = enter(guard, mutex);
        if (me == null) {
            return timed(mutex.lock(), false, false);
        }
        boolean interrupted = false;
        boolean timedOut = false;
        while (!me.notified || me.held) {
            long left = budget - (System.nanoTime() - start);
            if (left <= 0 && !me.notified) {
                timedOut = leave(me);
                if (timedOut) {
                    break;
                }
                continue;
            }
            if (me.notified) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, left);
            }
            interrupted |= Thread.interrupted();
        }
        return timed(mutex.lock(), timedOut, interrupted);
    }

    @Override
    public void notifyOne() {
        notifications.incrementAndGet();
        list.lock();
        try {
            if (queue.isEmpty()) {
                return;
            }
            wake(queue.remove(pick()));
        } finally {
            list.unlock();
        }
    }

    @Override
    public void notifyAllWaiters() {
        notifications.incrementAndGet();
        list.lock();
        try {
            while (!queue.isEmpty()) {
                wake(queue.remove(0));
            }
        } finally {
            list.unlock();
        }
    }

    /** Releases every held waiter. */
    void unparkHeld() {
        list.lock();
        try {
            for (Waiter w : heldNow) {
                w.held = false;
                LockSupport.unpark(w.thread);
            }
            heldNow.clear();
        } finally {
            list.unlock();
        }
    }

    /**
     * Counts the wait and closes the guard; unless the adversary makes this wait spurious, enters
     * the waiter first (C1). Returns {@code null} for a spurious wait, which must lock again at once.
     */
    private Waiter enter(MutexGuard<?> guard, Mutex<?> mutex) {
        long number = waits.incrementAndGet();
        everWaited.add(Thread.currentThread());
        mutexes.add(mutex);
        if (owner.drawSpurious(number == 1)) {
            spuriousSent.incrementAndGet();
            guard.close();
            Thread.yield();
            return null;
        }
        Waiter me = new Waiter();
        list.lock();
        try {
            queue.add(me);
        } finally {
            list.unlock();
        }
        try {
            guard.close();
        } catch (RuntimeException | Error e) {
            leave(me);
            throw e;
        }
        return me;
    }

    private boolean leave(Waiter me) {
        list.lock();
        try {
            return queue.remove(me);
        } finally {
            list.unlock();
        }
    }

    private int pick() {
        if (owner.adversarial()) {
            String role = role(Thread.currentThread());
            for (int i = 0; i < queue.size(); i++) {
                if (role(queue.get(i).thread).equals(role)) {
                    return i;
                }
            }
        }
        return 0;
    }

    private void wake(Waiter w) {
        if (owner.holding()) {
            w.held = true;
            heldNow.add(w);
        }
        w.notified = true;
        LockSupport.unpark(w.thread);
    }

    private static String role(Thread thread) {
        String name = thread.getName();
        int dash = name.indexOf('-');
        return dash < 0 ? name : name.substring(0, dash);
    }

    private static <T> Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> relock(Mutex<T> mutex, boolean interrupted) {
        Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> locked = mutex.lock();
        restoreInterrupt(interrupted);
        return locked;
    }

    /** Sets the interrupt flag again if an interrupt came during the wait, which went on regardless. */
    private static void restoreInterrupt(boolean wasInterrupted) {
        if (wasInterrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> Result<WaitTimeoutResult<MutexGuard<T>>, PoisonError<WaitTimeoutResult<MutexGuard<T>>>> timed(
            Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> locked, boolean timedOut, boolean interrupted) {
        restoreInterrupt(interrupted);
        if (locked instanceof Result.Err<MutexGuard<T>, PoisonError<MutexGuard<T>>> err) {
            return Result.err(new PoisonError<>(new WaitTimeoutResult<>(err.error().intoInner(), timedOut)));
        }
        return Result.ok(new WaitTimeoutResult<>(locked.unwrap(), timedOut));
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException huge) {
            return Long.MAX_VALUE;
        }
    }
}
