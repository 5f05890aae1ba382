package fearless.grader.checks.mutex;

import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Another thread that takes the lock and holds it until told to let go: what a check needs to
 * see how the mutex behaves while it is held elsewhere. Every wait is bounded, and the thread is
 * a daemon, so a broken mutex cannot keep it (or the JVM) alive.
 */
final class Holder implements AutoCloseable {

    /** How long the holder keeps the lock at most, if the check never lets go. */
    private static final long HOLD_SECONDS = 5;

    private final CountDownLatch locked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread thread;

    /** @param beforeUnlock what the holder does with its guard once told to let go, just before unlocking */
    private Holder(Mutex<Integer> mutex, Consumer<MutexGuard<Integer>> beforeUnlock) {
        thread = new Thread(() -> {
            try (MutexGuard<Integer> g = mutex.lock().unwrap()) {
                locked.countDown();
                release.await(HOLD_SECONDS, TimeUnit.SECONDS);
                beforeUnlock.accept(g);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "holder");
        thread.setDaemon(true);
    }

    /** A holder of {@code mutex}, not started yet. */
    static Holder of(Mutex<Integer> mutex, Consumer<MutexGuard<Integer>> beforeUnlock) {
        return new Holder(mutex, beforeUnlock);
    }

    /** A started holder of {@code mutex} that has the lock, or a failed check saying lock() never returned. */
    static Holder holding(Mutex<Integer> mutex) throws InterruptedException {
        Holder holder = of(mutex, g -> { }).start();
        Mutexes.check(holder.awaitLocked(), "lock() on a free mutex did not return (X1)");
        return holder;
    }

    Holder start() {
        thread.start();
        return this;
    }

    /** Waits (2 s at most) until the holder has the lock; whether it has. */
    boolean awaitLocked() throws InterruptedException {
        return locked.await(2, TimeUnit.SECONDS);
    }

    /** Whether the holder has the lock now, without waiting. */
    boolean hasLocked() {
        return locked.getCount() == 0;
    }

    /** Tells the holder to let go. */
    @Override
    public void close() {
        release.countDown();
    }
}
