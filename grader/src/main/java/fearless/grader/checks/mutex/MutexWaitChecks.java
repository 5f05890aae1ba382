package fearless.grader.checks.mutex;

import static fearless.grader.checks.mutex.Mutexes.awaitBlocked;
import static fearless.grader.checks.mutex.Mutexes.check;
import static fearless.grader.checks.mutex.Mutexes.fresh;
import static fearless.grader.checks.mutex.Mutexes.ok;
import static fearless.grader.checks.mutex.Mutexes.onOtherThread;
import static fearless.grader.checks.mutex.Mutexes.scenario;
import static fearless.grader.checks.mutex.Mutexes.wouldBlock;

import fearless.api.Result;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.TryLockError;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How the mutex waits, and when it must not: a waiter that is interrupted keeps waiting (as Rust's
 * lock does), and tryLock never waits at all. Each observes the waiting thread from outside, so
 * any correct design (a monitor, CAS and park, a spin) passes.
 */
@Exercise("mutex")
class MutexWaitChecks {

    /** How long the interrupted waiter is watched before the lock is released. */
    private static final long WATCH_MILLIS = 200;

    /** A tryLock that answers within this, at least once in five calls, did not wait. */
    private static final long NO_WAIT_MILLIS = 50;

    /** What the waiting thread got, once lock() returned or threw. */
    private record Locked(Result<MutexGuard<Integer>, ?> result, Throwable thrown, boolean interruptFlag) {
    }

    /**
     * lock()'s Javadoc: a thread interrupted while it waits keeps waiting, never takes the lock
     * while another thread holds it, and finds its interrupt flag set again once it has the lock.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"X1", "X2"})
    void interrupted_waiter_keeps_waiting() {
        scenario("a waiter interrupted in lock() blocked after the lock was released (X1)", () -> {
            Mutex<Integer> m = fresh(0);
            AtomicReference<Locked> seen = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            try (MutexGuard<Integer> g = ok(m.lock(), "lock() on a new mutex", "X1")) {
                Thread waiter = new Thread(() -> {
                    try {
                        Result<MutexGuard<Integer>, ?> r = m.lock();
                        boolean flag = Thread.currentThread().isInterrupted();
                        seen.set(new Locked(r, null, flag));
                        if (r.isOk()) {
                            ((MutexGuard<?>) r.unwrap()).close();
                        }
                    } catch (Throwable e) {
                        seen.set(new Locked(null, e, Thread.currentThread().isInterrupted()));
                    } finally {
                        done.countDown();
                    }
                }, "waiter");
                waiter.setDaemon(true);
                waiter.start();
                awaitBlocked(waiter);
                waiter.interrupt();
                done.await(WATCH_MILLIS, TimeUnit.MILLISECONDS);
                Locked early = seen.get();
                if (early != null) {
                    String got = early.thrown() != null ? "threw " + Safely.describe(early.thrown())
                            : "returned " + Safely.show(early.result()) + " while this thread still held the lock, "
                                    + "so two threads held it at once (X2)";
                    throw new org.opentest4j.AssertionFailedError("a thread waiting in lock() was interrupted and "
                            + got + ": it must keep waiting, as Rust's lock() does (X1). Catch the "
                            + "InterruptedException, remember it, wait again, and set the flag again once the lock is "
                            + "taken");
                }
                Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> other =
                        onOtherThread("tryLock() while the lock is held and a waiter was interrupted", m::tryLock);
                check(wouldBlock(other), () -> "after a waiter was interrupted, tryLock() on a third thread returned "
                        + Safely.show(other) + " although the lock is still held (X2)");
                g.set(1);
            }
            check(done.await(2, TimeUnit.SECONDS) || seen.get() != null,
                    "the interrupted waiter did not get the lock once it was released (X1)");
            Locked after = seen.get();
            check(after != null && after.thrown() == null && after.result() != null && after.result().isOk(),
                    () -> "once the lock was released, the interrupted waiter's lock() should return Ok(guard) (X1), but it "
                            + (after == null ? "did not return"
                                    : after.thrown() != null ? "threw " + Safely.describe(after.thrown())
                                            : "returned " + Safely.show(after.result())));
            check(after.interruptFlag(), "the waiter was interrupted while it waited, but its interrupt flag was clear "
                    + "when lock() returned: the interrupt was swallowed. Set it again (Thread.currentThread()"
                    + ".interrupt()) once the lock is taken, so the caller can still see it");
        });
    }

    /**
     * X3, measured: tryLock on a lock held by another thread answers WouldBlock without waiting
     * (no wait, park or sleep on the calling thread) and at once (the fastest of five calls within
     * {@value #NO_WAIT_MILLIS} ms), not merely within the 2 s the other checks allow.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"X3"})
    void try_lock_never_waits() {
        scenario("tryLock() blocked while another thread held the lock (X3: it must never block)", () -> {
            Mutex<Integer> m = fresh(0);
            try (Holder holder = Holder.holding(m)) {
                ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                long me = Thread.currentThread().getId();
                long waitsBefore = mx.getThreadInfo(me).getWaitedCount();
                long fastest = Long.MAX_VALUE;
                for (int i = 0; i < 5; i++) {
                    long start = System.nanoTime();
                    Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> r = m.tryLock();
                    fastest = Math.min(fastest, System.nanoTime() - start);
                    check(wouldBlock(r), () -> "tryLock() while another thread holds the lock should return Err(WouldBlock) "
                            + "(X3), but returned " + Safely.show(r));
                }
                long waits = mx.getThreadInfo(me).getWaitedCount() - waitsBefore;
                check(waits == 0, "tryLock() waited (wait, park or sleep: " + waits + " times in five calls) while "
                        + "another thread held the lock: it must answer WouldBlock at once, never wait for the lock "
                        + "to be released, not even briefly (X3)");
                long millis = TimeUnit.NANOSECONDS.toMillis(fastest);
                check(millis < NO_WAIT_MILLIS, "tryLock() took " + millis + " ms or more on each of five calls while "
                        + "another thread held the lock: it must answer WouldBlock at once, not spin until it gives up "
                        + "(X3)");
            }
        });
    }
}
