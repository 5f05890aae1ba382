package fearless.grader.checks.rwlock;

import fearless.api.sync.RwLock;
import fearless.api.sync.RwLockReadGuard;
import fearless.api.sync.RwLockWriteGuard;
import fearless.grader.check.Safely;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Another thread that takes a share or the whole lock and holds it until told to let go: what a
 * check needs to see how the lock behaves while it is held elsewhere. Every wait is bounded, and
 * the thread is a daemon, so a broken lock cannot keep it (or the JVM) alive.
 */
final class Holding implements AutoCloseable {

    /** How long the holder keeps the lock at most, if the check never lets go. */
    private static final long HOLD_SECONDS = 5;

    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final String kind;
    private final Thread thread;
    private volatile Throwable failure;

    private Holding(String kind, Runnable body) {
        this.kind = kind;
        thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure = e;
            } finally {
                released.countDown();
            }
        }, kind + "-holder");
        thread.setDaemon(true);
    }

    /** A started thread holding a share of {@code lock} (taken with read()), or a failed check. */
    static Holding read(RwLock<Integer> lock) throws InterruptedException {
        Holding[] self = new Holding[1];
        self[0] = new Holding("reader", () -> {
            try (RwLockReadGuard<Integer> g = RwLocks.either(lock.read())) {
                self[0].holdUntilReleased();
            }
        });
        return self[0].started();
    }

    /** A started thread holding {@code lock} alone (taken with write()); {@code beforeUnlock} runs just before it closes. */
    static Holding write(RwLock<Integer> lock, Consumer<RwLockWriteGuard<Integer>> beforeUnlock)
            throws InterruptedException {
        Holding[] self = new Holding[1];
        self[0] = new Holding("writer", () -> {
            try (RwLockWriteGuard<Integer> g = RwLocks.either(lock.write())) {
                self[0].holdUntilReleased();
                beforeUnlock.accept(g);
            }
        });
        return self[0].started();
    }

    private void holdUntilReleased() {
        held.countDown();
        try {
            release.await(HOLD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Holding started() throws InterruptedException {
        thread.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!held.await(5, TimeUnit.MILLISECONDS) && released.getCount() > 0 && System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
        if (held.getCount() > 0) {
            RwLocks.check(failure == null, () -> {
                RwLocks.rethrowUnimplemented(failure);
                return kind + " thread's " + (kind.equals("reader") ? "read()" : "write()") + " on a free lock threw "
                        + Safely.describe(failure) + " (R1)";
            });
            RwLocks.check(false, kind + " thread's " + (kind.equals("reader") ? "read()" : "write()")
                    + " on a lock nobody else held did not return within 2 s (R1)");
        }
        return this;
    }

    /** Tells the holder to let go, and waits (2 s at most) until it has closed its guard. */
    void releaseAndWait() throws InterruptedException {
        release.countDown();
        RwLocks.check(released.await(2, TimeUnit.SECONDS), "the " + kind + " thread's guard.close() did not return"
                + " within 2 s (R1)");
        Throwable e = failure;
        if (e != null) {
            RwLocks.rethrowUnimplemented(e);
            RwLocks.check(false, () -> "the " + kind + " thread's guard.close() threw " + Safely.describe(e) + " (R1)");
        }
    }

    /** Tells the holder to let go, without waiting. */
    @Override
    public void close() {
        release.countDown();
    }
}
