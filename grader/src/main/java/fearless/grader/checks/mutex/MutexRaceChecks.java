package fearless.grader.checks.mutex;

import static fearless.grader.checks.mutex.Mutexes.fresh;

import fearless.api.Result;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.TryLockError;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.race.Bounded;
import fearless.grader.check.race.ExclusionDetector;
import fearless.grader.check.race.ModelCheck;
import fearless.grader.check.race.ModelCheck.Scenario;
import fearless.grader.check.race.Stress;
import java.time.Duration;
import org.opentest4j.AssertionFailedError;

/**
 * Race checks of the mutex: stress runs for mutual exclusion and for lost wake-ups, and a model
 * check of a counter behind the mutex. Each first makes sure the mutex works on one thread, so a
 * stub fails at once instead of burning the stress budget.
 */
@Exercise("mutex")
class MutexRaceChecks {

    private static final int THREADS = 4;

    /** A shared mutex and a detector of two holders at once. */
    private record Watched(Mutex<Integer> mutex, ExclusionDetector detector) {
    }

    /** A shared mutex, and whether this round unlocks through withLock (else through guards). */
    private record Contended(Mutex<Integer> mutex, boolean viaWithLock) {
    }

    /**
     * Rust's {@code lots_and_lots}: threads add 1 many times through the mutex, half of them with
     * guards, half with withLock; the total must be exactly threads x increments (X2).
     */
    @Graded(points = 3, category = Category.RACE, rules = {"X2"})
    void lots_and_lots() {
        requireSequentialBasics();
        int increments = 1_000;
        Stress.of("mutex/lots_and_lots", () -> fresh(0))
                .threads(THREADS).rounds(8)
                .onHang("threads incrementing through the mutex got stuck: a waiter was never woken or the lock was "
                        + "never released (X1)")
                .diagnose(MutexRaceChecks::lockState)
                .run((m, t) -> {
                    for (int i = 0; i < increments; i++) {
                        if (t % 2 == 0) {
                            try (MutexGuard<Integer> g = m.lock().unwrap()) {
                                g.set(g.get() + 1);
                            }
                        } else {
                            m.withLock(g -> {
                                g.set(g.get() + 1);
                                return null;
                            });
                        }
                    }
                }, m -> {
                    int total;
                    try (MutexGuard<Integer> g = m.lock().unwrap()) {
                        total = g.get();
                    }
                    int expected = THREADS * increments;
                    if (total != expected) {
                        throw new AssertionFailedError(THREADS + " threads each added 1 " + increments
                                + " times through the mutex, but the total is " + total + ", not " + expected + ": "
                                + (expected - total) + " increments were lost, so two threads held the lock at once "
                                + "(X2). Test and set the lock in one atomic step.");
                    }
                });
    }

    /**
     * Mutual exclusion observed directly: a detector outside the mutex notices two threads inside
     * the critical section, whichever way they locked (lock, withLock, tryLock).
     */
    @Graded(points = 3, category = Category.RACE, rules = {"X2"})
    void no_two_holders_at_once() {
        requireSequentialBasics();
        int sections = 300;
        Stress.of("mutex/no_two_holders_at_once", () -> new Watched(fresh(0), new ExclusionDetector()))
                .threads(THREADS).rounds(10)
                .onHang("threads taking the lock got stuck: a waiter was never woken or the lock was never released (X1)")
                .diagnose(w -> lockState(w.mutex()))
                .run((w, t) -> {
                    for (int i = 0; i < sections; i++) {
                        MutexGuard<Integer> g = acquire(w.mutex(), t % 3);
                        try {
                            w.detector().enter();
                            int v = g.get();
                            if (i % 4 == 0) {
                                Thread.yield();
                            }
                            g.set(v + 1);
                            w.detector().exit();
                        } finally {
                            g.close();
                        }
                        if (w.detector().violated()) {
                            return;
                        }
                    }
                }, w -> w.detector().assertExclusive("two threads held the lock at the same time (X2): the second "
                        + "one got a guard while the first still had its guard open. Take the lock in one atomic "
                        + "step, and re-check the condition in a while loop after every wake-up (C2)."));
    }

    /**
     * Lost wake-ups: threads contend so that most of them have to wait; every unlock (a guard's
     * close in even rounds, the end of withLock in odd rounds) must wake them, or they wait
     * forever. The model checker cannot see this (it treats notify as notifyAll): a bounded stress
     * run with a thread dump can.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"X1"})
    void blocked_threads_all_wake() {
        requireSequentialBasics();
        int sections = 100;
        boolean[] viaWithLock = {true};
        Stress.of("mutex/blocked_threads_all_wake", () -> new Contended(fresh(0), viaWithLock[0] = !viaWithLock[0]))
                .threads(THREADS).rounds(8).roundTimeout(Duration.ofMillis(1_500))
                .onHang("threads waiting for the lock were never woken: every path that unlocks (a guard's close() "
                        + "and the end of withLock()) must wake the waiters, e.g. with notifyAll() (X1)")
                .diagnose(c -> lockState(c.mutex()))
                .run((c, t) -> {
                    Mutex<Integer> m = c.mutex();
                    for (int i = 0; i < sections; i++) {
                        if (c.viaWithLock()) {
                            m.withLock(g -> {
                                holdBriefly(g);
                                return null;
                            });
                        } else {
                            try (MutexGuard<Integer> g = m.lock().unwrap()) {
                                holdBriefly(g);
                            }
                        }
                    }
                });
    }

    /**
     * Linearizability of a counter behind the mutex, explored interleaving by interleaving by the
     * model checker: catches a lock that reads its flag and sets it in two steps, deterministically.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"X2"})
    void counter_is_linearizable() {
        ModelCheck.of("mutex/counter_is_linearizable", LockedCounter.class)
                .scenario(Scenario.of().thread("inc", "inc").thread("inc").post("get"))
                .scenario(Scenario.of().thread("incWithLock").thread("inc", "incWithLock").post("get"))
                .scenario(Scenario.of().thread("inc").thread("inc").thread("inc").post("get"))
                .onFailure("two threads were inside the mutex at once, so a counter behind it lost an increment (X2). "
                        + "The table shows the results, then the interleaving that produced them; look for the "
                        + "step where both threads saw the lock free. Test and set the lock in one atomic step.")
                .check();
    }

    // ---- helpers ----

    /** Fails fast, without any concurrency, if the mutex cannot even lock and unlock on one thread. */
    private static void requireSequentialBasics() {
        Bounded.run("lock() on a new mutex, on a single thread, did not return (X1)", Mutexes.SHORT, () -> {
            Mutex<Integer> m = fresh(0);
            try (MutexGuard<Integer> g = m.lock().unwrap()) {
                g.set(1);
            }
            m.withLock(g -> {
                g.set(g.get() + 1);
                return null;
            });
            Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> r = m.tryLock();
            r.ok().ifPresent(MutexGuard::close);
        });
    }

    /** Takes the lock: {@code how} 2 spins on tryLock, anything else calls lock(). */
    private static MutexGuard<Integer> acquire(Mutex<Integer> m, int how) {
        if (how != 2) {
            return m.lock().unwrap();
        }
        while (true) {
            Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> r = m.tryLock();
            if (r.isOk()) {
                return r.unwrap();
            }
            if (!(r.unwrapErr() instanceof TryLockError.WouldBlock)) {
                throw new AssertionFailedError("tryLock() on a mutex nobody poisoned returned " + r + " (X3)");
            }
            Thread.yield();
        }
    }

    /** Holds the lock a little while, so the other threads have to wait rather than spin. */
    private static void holdBriefly(MutexGuard<Integer> g) {
        g.set(g.get() + 1);
        Thread.yield();
        Thread.yield();
    }

    /** What the checking thread can learn about a stuck mutex without blocking on it. */
    private static String lockState(Mutex<Integer> m) {
        try {
            Boolean free = Bounded.call("", Duration.ofMillis(200), () -> {
                Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> r = m.tryLock();
                if (r.isOk()) {
                    r.unwrap().close();
                    return true;
                }
                return false;
            });
            return free ? "the lock is FREE (tryLock() from the checking thread got it), yet threads still wait: "
                    + "their wake-up was lost" : "the lock is held (tryLock() from the checking thread: WouldBlock)";
        } catch (AssertionError | RuntimeException e) {
            return "tryLock() from the checking thread did not answer";
        }
    }
}
