package fearless.grader.checks.mutex;

import static fearless.grader.checks.mutex.Mutexes.fresh;

import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import fearless.api.Result;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.PoisonError;
import fearless.api.mutex.TryLockError;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.race.Bounded;
import fearless.grader.check.race.ExclusionDetector;
import fearless.grader.check.race.ModelCheck;
import fearless.grader.check.race.ModelCheck.Scenario;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.Stress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
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

    /** How the threads of a lost wake-up round release the lock. */
    private enum Unlock { CLOSE, WITH_LOCK, INTO_INNER, FAILING_BODY }

    /** The failure of a withLock body in a {@link Unlock#FAILING_BODY} round. */
    private static final class BodyFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyFailed() {
            super("the body failed while holding the lock (on purpose: the waiters must still be woken)");
        }
    }

    /** A shared mutex, how this round releases it, and the round's threads and progress. */
    private record Contended(Mutex<Integer> mutex, Unlock unlock, AtomicReferenceArray<Thread> threads,
            AtomicInteger phase) {
        Contended(Mutex<Integer> mutex, Unlock unlock) {
            this(mutex, unlock, new AtomicReferenceArray<>(THREADS), new AtomicInteger());
        }
    }

    /**
     * Rust's {@code lots_and_lots}: threads add 1 many times through the mutex, half of them with
     * guards, half with withLock; the total must be exactly threads x increments (X2).
     */
    @Graded(points = 3, category = Category.RACE, rules = {"X2"}, dependsOnScheduling = true)
    void lots_and_lots() {
        Mutexes.requireWorking();
        int increments = 1_000;
        Stress.of("mutex/lots_and_lots", () -> fresh(0))
                .threads(THREADS).rounds(8)
                .onHang("threads incrementing through the mutex got stuck: a waiter was never woken or the lock was "
                        + "never released (X1)")
                .diagnose(MutexRaceChecks::lockState)
                .run((m, t) -> {
                    for (int i = 0; i < increments; i++) {
                        boolean pause = i % 4 == 0;
                        if (t % 2 == 0) {
                            try (MutexGuard<Integer> g = m.lock().unwrap()) {
                                increment(g, pause);
                            }
                        } else {
                            m.withLock(g -> {
                                increment(g, pause);
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
    @Graded(points = 3, category = Category.RACE, rules = {"X2"}, dependsOnScheduling = true)
    void no_two_holders_at_once() {
        Mutexes.requireWorking();
        int sections = 300;
        Stress.of("mutex/no_two_holders_at_once", () -> new Watched(fresh(0), new ExclusionDetector()))
                .threads(THREADS).rounds(16)
                .onHang("threads taking the lock got stuck: a waiter was never woken or the lock was never released (X1)")
                .diagnose(w -> lockState(w.mutex()))
                .run((w, t) -> {
                    for (int i = 0; i < sections && !w.detector().violated(); i++) {
                        boolean pause = i % 2 == 0;
                        if (t % 4 == 2) {
                            w.mutex().withLock(g -> {
                                watchedIncrement(w.detector(), g, pause);
                                return null;
                            });
                        } else {
                            try (MutexGuard<Integer> g = t % 4 == 3 ? spinTryLock(w.mutex()) : w.mutex().lock().unwrap()) {
                                watchedIncrement(w.detector(), g, pause);
                            }
                        }
                    }
                }, w -> w.detector().assertExclusive("two threads held the lock at the same time (X2): the second "
                        + "one got a guard while the first still had its guard open. Take the lock in one atomic "
                        + "step, and re-check the condition in a while loop after every wake-up (C2)."));
    }

    /**
     * Lost wake-ups: threads contend so that most of them have to wait, and every waiter must be
     * woken. Rounds take turns: unlocking by a guard's close, unlocking at the end of withLock,
     * unlocking when a withLock body fails (the failing path must wake them too), and retiring the
     * mutex with intoInner while other threads wait to lock it (they must wake
     * and get E0382; with notify() instead of notifyAll() the one wake-up goes to intoInner, and
     * the others sleep forever). The model checker cannot see the last one, since it treats
     * notify as notifyAll: a bounded stress run with a thread dump can.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"X1", "X4", "X6"}, dependsOnScheduling = true)
    void blocked_threads_all_wake() {
        Mutexes.requireWorking();
        Unlock[] plan = Unlock.values();
        int[] round = {0};
        Stress.of("mutex/blocked_threads_all_wake", () -> new Contended(fresh(0), plan[round[0]++ % plan.length]))
                .threads(THREADS).rounds(3 * plan.length).roundTimeout(Duration.ofMillis(1_500))
                .onHang("threads waiting for the lock were never woken: every path that releases the lock (a "
                        + "guard's close(), the end of withLock(), a withLock() body that throws) or retires it "
                        + "(intoInner()) must wake all the waiters, with notifyAll() (X1, X4, X6)")
                .diagnose(c -> lockState(c.mutex()))
                .run((c, t) -> {
                    if (c.unlock() == Unlock.INTO_INNER) {
                        retireWhileOthersWait(c, t);
                    } else if (c.unlock() == Unlock.FAILING_BODY) {
                        failWhileOthersWait(c, t);
                    } else {
                        lockRepeatedly(c.mutex(), c.unlock(), 100);
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
                // one critical section through withLock, one through lock(): both ways of locking race
                .scenario(Scenario.of().thread("incWithLock").thread("inc").post("get"))
                // a check-then-act lock is found within 70 interleavings; 150 keeps a margin, at ~0.2 s
                .invocations(150)
                .atomic("fearless.api.Result", "fearless.api.mutex.PoisonError", "fearless.api.mutex.TryLockError")
                .onFailure("two threads were inside the mutex at once, so a counter behind it lost an increment (X2). "
                        + "Below: the results, then the interleaving that produced them; look for the step where "
                        + "both threads saw the lock free. Test and set the lock in one atomic step.")
                .onHang("a thread waiting for the lock was never woken, although the lock was released: every path "
                        + "that unlocks (close() and the end of withLock()) must wake the waiters (X1)")
                .onException("an operation threw under concurrency, although it works on one thread: see the "
                        + "interleaving below (X1, X2)")
                .check();
    }

    /**
     * X4's order, explored interleaving by interleaving: a failing withLock body poisons the mutex
     * before the lock is released, so the next holder always sees the poison with the failed
     * body's write. Poisoning after unlocking lets a thread in between.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"X4", "X5"})
    void poison_is_set_before_unlock() {
        ModelCheck.of("mutex/poison_is_set_before_unlock", PoisonHandoff.class)
                .scenario(Scenario.of().thread("failWithLock").thread("lockAndLook"))
                .invocations(150)
                .atomic("fearless.api.Result", "fearless.api.mutex.PoisonError", "fearless.api.mutex.TryLockError")
                .onFailure("the next holder saw the failed body's write (1) but no poison: the lock was released "
                        + "before the poison flag was set, and another thread got in between (X4). Set the flag "
                        + "first, then unlock, in one step under the lock. Below: the results and the interleaving.")
                .onHang("a thread waiting for the lock was never woken after a withLock() body failed: the failure "
                        + "path must wake the waiters too (X1, X4)")
                .onException("an operation threw under concurrency, although it works on one thread: see the "
                        + "interleaving below (X4, X5)")
                .check();
    }

    // ---- helpers ----

    /** Takes the lock by calling tryLock until it succeeds. */
    private static MutexGuard<Integer> spinTryLock(Mutex<Integer> m) {
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

    /** An increment inside the critical section, with the detector told when it is entered and left. */
    private static void watchedIncrement(ExclusionDetector detector, MutexGuard<Integer> g, boolean pause) {
        detector.enter();
        increment(g, pause);
        detector.exit();
    }

    /** Reads, then writes: with {@code pause}, yields in between, so two holders at once lose an update. */
    private static void increment(MutexGuard<Integer> g, boolean pause) {
        Patience.progress();
        int read = g.get();
        if (pause) {
            Thread.yield();
        }
        g.set(read + 1);
    }

    /**
     * Locks and unlocks {@code times} times (by withLock, or by lock and close); stops quietly
     * when another thread's intoInner() has retired the mutex (E0382), as it must be told.
     */
    private static void lockRepeatedly(Mutex<Integer> m, Unlock how, int times) {
        try {
            for (int i = 0; i < times; i++) {
                if (how == Unlock.WITH_LOCK) {
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
        } catch (OwnershipError e) {
            if (e.code() != ErrorCode.E0382) {
                throw e;
            }
        }
    }

    /**
     * One intoInner round. Thread 0 holds the lock while thread 3 starts waiting in intoInner()
     * and then threads 1 and 2 start waiting in lock(); then thread 0 unlocks. intoInner() waited
     * longest, so a single wake-up goes to it: it retires the mutex, and the lockers must still be
     * woken to learn that (E0382). Each wait for another thread to block is bounded.
     */
    private static void retireWhileOthersWait(Contended c, int t) {
        c.threads().set(t, Thread.currentThread());
        if (t == 0) {
            try (MutexGuard<Integer> g = c.mutex().lock().unwrap()) {
                c.phase().set(1);
                awaitBlocked(c, THREADS - 1);
                c.phase().set(2);
                for (int i = 1; i < THREADS - 1; i++) {
                    awaitBlocked(c, i);
                }
                holdBriefly(g);
            }
        } else {
            awaitPhase(c, t == THREADS - 1 ? 1 : 2);
            if (t == THREADS - 1) {
                c.mutex().intoInner();
            } else {
                lockRepeatedly(c.mutex(), Unlock.CLOSE, 100);
            }
        }
    }

    /**
     * One failing-body round. Thread 0 holds the lock in withLock until the others wait in lock(),
     * then its body throws: the lock is released on the failure path, poisoned, and every waiter
     * must wake and get the guard inside the PoisonError.
     */
    private static void failWhileOthersWait(Contended c, int t) {
        c.threads().set(t, Thread.currentThread());
        if (t == 0) {
            try {
                c.mutex().withLock(g -> {
                    c.phase().set(1);
                    for (int i = 1; i < THREADS; i++) {
                        awaitBlocked(c, i);
                    }
                    holdBriefly(g);
                    throw new BodyFailed();
                });
            } catch (BodyFailed expected) {
                // the failure poisons the mutex and must wake the waiters
            }
        } else {
            awaitPhase(c, 1);
            Result<MutexGuard<Integer>, PoisonError<MutexGuard<Integer>>> r = c.mutex().lock();
            try (MutexGuard<Integer> g = r.isOk() ? r.unwrap() : r.unwrapErr().intoInner()) {
                holdBriefly(g);
            }
        }
    }

    private static void awaitPhase(Contended c, int phase) {
        long end = System.nanoTime() + 200_000_000L;
        while (c.phase().get() < phase && System.nanoTime() < end) {
            Thread.yield();
        }
    }

    /** Waits (200 ms at most) until thread {@code i} of the round is blocked or waiting. */
    private static void awaitBlocked(Contended c, int i) {
        long end = System.nanoTime() + 200_000_000L;
        while (System.nanoTime() < end) {
            Thread other = c.threads().get(i);
            Thread.State state = other == null ? Thread.State.NEW : other.getState();
            if (state == Thread.State.WAITING || state == Thread.State.BLOCKED
                    || state == Thread.State.TIMED_WAITING) {
                return;
            }
            Thread.yield();
        }
    }

    /** Holds the lock a little while, so the other threads have to wait rather than spin. */
    private static void holdBriefly(MutexGuard<Integer> g) {
        Patience.progress();
        g.set(g.get() + 1);
        Thread.yield();
        Thread.yield();
    }

    /** What the checking thread can learn about a stuck mutex without blocking on it. */
    private static String lockState(Mutex<Integer> m) {
        try {
            String state = Bounded.call("", Duration.ofMillis(200), () -> {
                Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> r;
                try {
                    r = m.tryLock();
                } catch (OwnershipError e) {
                    return "the mutex was retired by intoInner(), yet threads still wait to lock it: they were "
                            + "never woken to find out";
                }
                if (r.isOk()) {
                    r.unwrap().close();
                    return "the lock is FREE (tryLock() from the checking thread got it), yet threads still wait: "
                            + "their wake-up was lost";
                }
                return "the lock is held (tryLock() from the checking thread: " + r + ")";
            });
            return state;
        } catch (AssertionError | RuntimeException e) {
            return "tryLock() from the checking thread did not answer";
        }
    }
}
