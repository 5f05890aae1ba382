package fearless.grader.checks.kit;

import fearless.api.Result;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.MutexProvider;
import fearless.api.mutex.PoisonError;
import fearless.api.mutex.TryLockError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The kit's mutexes, numbered in the order made (a bank's account 0, a table's fork 0), and
 * watched: it knows which of them each thread holds, for programs that hold several locks at
 * once. A check can make it adversarial. {@link #meetOnFirstLocks} keeps a thread that just took
 * its first lock until enough other threads hold one too, so locks taken in a circular order
 * deadlock every run instead of once in a thousand; {@link #pauseHolderOf} keeps the next thread
 * that takes a given lock inside it until the check lets it go; {@link #yieldOnWrites} yields
 * after each write through a guard, so a reader that does not lock sees a change half made.
 */
public final class WatchedMutexes implements MutexProvider {

    private final KitMutexes kit = new KitMutexes();
    private final List<KitMutex<?>> made = new CopyOnWriteArrayList<>();
    private final Map<Thread, Set<Integer>> held = new ConcurrentHashMap<>();
    private final AtomicInteger meetings = new AtomicInteger();
    private volatile Duration meetingWait = Duration.ZERO;
    private volatile int meetingSize = 2;
    private volatile int pausedIndex = -1;
    private volatile CountDownLatch pauseEntered = new CountDownLatch(1);
    private volatile CountDownLatch pauseRelease = new CountDownLatch(0);
    private volatile boolean yieldOnWrites;
    private final Map<Integer, AtomicInteger> releases = new ConcurrentHashMap<>();
    private final AtomicInteger releaseMeetings = new AtomicInteger();
    private volatile int releaseMeetingIndex = -1;
    private volatile Duration releaseMeetingWait = Duration.ZERO;

    @Override
    public synchronized <T> Mutex<T> create(T value) {
        KitMutex<T> mutex = (KitMutex<T>) kit.create(value);
        made.add(mutex);
        return new Watched<>(mutex, made.size() - 1);
    }

    /**
     * The next {@code times} first locks (taken by a thread that held none of these mutexes) wait,
     * at most {@code wait}, until {@code threads} threads, the waiting one included, hold one.
     */
    public void meetOnFirstLocks(int times, int threads, Duration wait) {
        meetingWait = wait;
        meetingSize = threads;
        meetings.set(times);
    }

    /**
     * The next {@code times} threads that let go of mutex number {@code index} while holding no
     * other of these mutexes wait, at most {@code wait}, until another thread has taken and let
     * go of it too. A thread that reads a value under the lock and acts on it after letting go
     * (check-then-act) then acts on a value another thread has changed meanwhile, every run.
     */
    public void meetAfterRelease(int index, int times, Duration wait) {
        releaseMeetingWait = wait;
        releaseMeetingIndex = index;
        releaseMeetings.set(times);
    }

    /** The next thread to lock mutex number {@code index} stays inside the lock until {@link #releasePause()}, at most 10 s. */
    public void pauseHolderOf(int index) {
        pauseEntered = new CountDownLatch(1);
        pauseRelease = new CountDownLatch(1);
        pausedIndex = index;
    }

    /** Waits, at most {@code bound}, until the paused thread holds its lock; whether it does. */
    public boolean awaitPaused(Duration bound) {
        try {
            return pauseEntered.await(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Lets the paused thread go on, and pauses no other. */
    public void releasePause() {
        pausedIndex = -1;
        pauseRelease.countDown();
    }

    /** From now on, every write through a guard yields right after it. */
    public void yieldOnWrites() {
        yieldOnWrites = true;
    }

    /** Every kit mutex made, in the order made. */
    public List<KitMutex<?>> made() {
        return List.copyOf(made);
    }

    /** How many locks were taken through all of them. */
    public long locksTaken() {
        return kit.locksTaken();
    }

    /** The numbers of the mutexes {@code thread} holds now. */
    public Set<Integer> heldBy(Thread thread) {
        return Set.copyOf(held.getOrDefault(thread, Set.of()));
    }

    private void acquired(int index) {
        Set<Integer> mine = held.computeIfAbsent(Thread.currentThread(), t -> ConcurrentHashMap.newKeySet());
        boolean first = mine.isEmpty();
        mine.add(index);
        if (first && meetings.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            meet();
        }
        if (index == pausedIndex) {
            pausedIndex = -1;
            pauseEntered.countDown();
            try {
                pauseRelease.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until enough threads hold one of these mutexes, or the meeting's time is up. */
    private void meet() {
        long deadline = System.nanoTime() + meetingWait.toNanos();
        while (System.nanoTime() - deadline < 0) {
            int holding = 0;
            for (Map.Entry<Thread, Set<Integer>> entry : held.entrySet()) {
                if (!entry.getValue().isEmpty()) {
                    holding++;
                }
            }
            if (holding >= meetingSize) {
                return;
            }
            Thread.yield();
        }
    }

    private void released(int index) {
        Set<Integer> mine = held.get(Thread.currentThread());
        if (mine != null) {
            mine.remove(index);
        }
        AtomicInteger count = releases.computeIfAbsent(index, i -> new AtomicInteger());
        int seen = count.incrementAndGet();
        if (index == releaseMeetingIndex && (mine == null || mine.isEmpty())
                && releaseMeetings.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            long deadline = System.nanoTime() + releaseMeetingWait.toNanos();
            while (count.get() == seen && System.nanoTime() - deadline < 0) {
                Thread.yield();
            }
        }
    }

    /** One watched mutex: the kit's, reporting each lock taken and let go. */
    private final class Watched<T> implements Mutex<T> {
        private final KitMutex<T> inner;
        private final int index;

        Watched(KitMutex<T> inner, int index) {
            this.inner = inner;
            this.index = index;
        }

        @Override
        public Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> lock() {
            Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> locked = inner.lock();
            if (locked instanceof Result.Ok<MutexGuard<T>, PoisonError<MutexGuard<T>>> ok) {
                return Result.ok(watched(ok.value()));
            }
            return Result.err(new PoisonError<>(watched(locked.unwrapErr().intoInner())));
        }

        @Override
        public Result<MutexGuard<T>, TryLockError<MutexGuard<T>>> tryLock() {
            Result<MutexGuard<T>, TryLockError<MutexGuard<T>>> tried = inner.tryLock();
            if (tried instanceof Result.Ok<MutexGuard<T>, TryLockError<MutexGuard<T>>> ok) {
                return Result.ok(watched(ok.value()));
            }
            if (tried.unwrapErr() instanceof TryLockError.Poisoned<MutexGuard<T>> poisoned) {
                return Result.err(new TryLockError.Poisoned<>(new PoisonError<>(watched(poisoned.error().intoInner()))));
            }
            return tried;
        }

        @Override
        public <R> R withLock(Function<? super MutexGuard<T>, ? extends R> body) {
            return inner.withLock(guard -> {
                Guard<T> mine = watched(guard);
                try {
                    return body.apply(mine);
                } finally {
                    released(index);
                }
            });
        }

        @Override
        public boolean isPoisoned() {
            return inner.isPoisoned();
        }

        @Override
        public void clearPoison() {
            inner.clearPoison();
        }

        @Override
        public Result<T, PoisonError<T>> intoInner() {
            return inner.intoInner();
        }

        private Guard<T> watched(MutexGuard<T> guard) {
            acquired(index);
            return new Guard<>(guard, this, () -> released(index));
        }
    }

    /** A guard of the kit's, which reports its closing and yields after writes when asked. */
    private final class Guard<T> implements MutexGuard<T> {
        private final MutexGuard<T> inner;
        private final Mutex<T> mutex;
        private final Runnable onClose;

        Guard(MutexGuard<T> inner, Mutex<T> mutex, Runnable onClose) {
            this.inner = inner;
            this.mutex = mutex;
            this.onClose = onClose;
        }

        @Override
        public T get() {
            return inner.get();
        }

        @Override
        public void set(T value) {
            inner.set(value);
            if (yieldOnWrites) {
                Thread.yield();
            }
        }

        @Override
        public Mutex<T> mutex() {
            return mutex;
        }

        @Override
        public void close() {
            inner.close();
            onClose.run();
        }
    }
}
