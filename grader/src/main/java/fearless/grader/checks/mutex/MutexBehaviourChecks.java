package fearless.grader.checks.mutex;

import static fearless.grader.checks.mutex.Mutexes.awaitBlocked;
import static fearless.grader.checks.mutex.Mutexes.check;
import static fearless.grader.checks.mutex.Mutexes.expectPanic;
import static fearless.grader.checks.mutex.Mutexes.fresh;
import static fearless.grader.checks.mutex.Mutexes.ok;
import static fearless.grader.checks.mutex.Mutexes.onOtherThread;
import static fearless.grader.checks.mutex.Mutexes.poisoned;
import static fearless.grader.checks.mutex.Mutexes.scenario;
import static fearless.grader.checks.mutex.Mutexes.wouldBlock;

import fearless.grader.check.Expect;
import fearless.api.ErrorCode;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.PoisonError;
import fearless.api.mutex.TryLockError;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import org.opentest4j.AssertionFailedError;

/**
 * Example-based checks of the mutex: ports of Rust's own tests ({@code library/std/tests/sync/mutex.rs},
 * same names) and the guard rules. Every scenario runs on a checking thread with a bounded wait,
 * so a mutex that blocks where it must not fails with a thread dump instead of hanging.
 */
@Exercise("mutex")
class MutexBehaviourChecks {

    /** A failure of the code under the lock, as a test body throws it. */
    private static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom() {
            super("boom: the body failed while holding the lock");
        }
    }

    /** Rust's {@code smoke}: lock, drop the guard, lock again; the write made through the first guard is seen. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"X1"})
    void smoke() {
        scenario("lock() on a mutex nobody holds blocked (X1)", () -> {
            Mutex<Integer> m = fresh(1);
            try (MutexGuard<Integer> g = ok(m.lock(), "lock() on a new mutex", "X1")) {
                check(g.get() == 1, "the first guard should show the value the mutex was created with (1), but shows "
                        + g.get() + " (X1)");
                g.set(2);
            }
            try (MutexGuard<Integer> g = ok(m.lock(), "lock() after the first guard was closed", "X1")) {
                check(g.get() == 2, "a write through a closed guard was lost: the next guard shows " + g.get()
                        + " instead of 2 (X1)");
            }
        });
    }

    /**
     * Rust's {@code try_lock}: tryLock takes a free lock, and answers WouldBlock at once while the lock
     * is held, by another thread or by the caller itself; it never blocks.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"X3"})
    void try_lock() {
        scenario("tryLock() blocked (X3: it must never block)", () -> {
            Mutex<Integer> m = fresh(0);
            MutexGuard<Integer> g = ok(m.tryLock(), "tryLock() on a free mutex", "X3");
            Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> other =
                    onOtherThread("tryLock() while the lock is held", m::tryLock);
            check(wouldBlock(other), "tryLock() on another thread while the lock is held should return Err(WouldBlock) "
                    + "(X3), but returned " + other);
            Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> again = m.tryLock();
            check(wouldBlock(again), "tryLock() on the thread that holds the lock should return Err(WouldBlock) "
                    + "(X3, X7), but returned " + again);
            g.close();
            Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> after = onOtherThread(
                    "tryLock() after the guard was closed", () -> {
                        Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> r = m.tryLock();
                        if (r instanceof Result.Ok<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> okay) {
                            okay.value().close();
                        }
                        return r;
                    });
            check(after.isOk(), "tryLock() after the guard was closed should return Ok(guard) (X1, X3), but returned "
                    + after);
        });
    }

    /** tryLock on a free but poisoned mutex takes the lock and hands the guard back inside {@code Poisoned}. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"X3", "X5"})
    void try_lock_poisoned() {
        scenario("tryLock() blocked on a poisoned mutex (X3)", () -> {
            Mutex<Integer> m = fresh(0);
            poison(m, 5);
            Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> r = m.tryLock();
            if (!(r instanceof Result.Err<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> err
                    && err.error() instanceof TryLockError.Poisoned<MutexGuard<Integer>> p)) {
                throw new AssertionFailedError("tryLock() on a free, poisoned mutex should return "
                        + "Err(Poisoned(PoisonError(guard))) (X3, X5), but returned " + r);
            }
            try (MutexGuard<Integer> g = p.error().intoInner()) {
                check(g.get() == 5, "the guard inside Poisoned should show the write made before the failure (5), "
                        + "but shows " + g.get() + " (X5)");
                Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> other =
                        onOtherThread("tryLock() while the Poisoned guard is held", m::tryLock);
                check(wouldBlock(other), "the guard inside Poisoned holds the lock, so tryLock() on another thread "
                        + "should return Err(WouldBlock) (X3, X5), but returned " + other);
            }
        });
    }

    /**
     * Rust's {@code test_into_inner} and {@code test_into_inner_drop}: intoInner hands back the very
     * value (nothing copied, nothing closed), the mutex is gone afterwards (every method is E0382),
     * and intoInner
     * waits while another thread holds the lock.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"X6"})
    void test_into_inner() {
        scenario("intoInner() on a free mutex blocked (X6)", () -> {
            DropCounter value = new DropCounter();
            Mutex<DropCounter> m = fresh(value);
            Result<DropCounter, PoisonError<DropCounter>> r = m.intoInner();
            check(r.isOk() && r.unwrap() == value, "intoInner() should return Ok(the value the mutex was created "
                    + "with) (X6), but returned " + r);
            check(value.closed == 0, "intoInner() closed the value it handed back: it must drop nothing (X6)");
            Expect.ownershipError(ErrorCode.E0382, "lock() after intoInner()", "X6", m::lock);
            Expect.ownershipError(ErrorCode.E0382, "a second intoInner()", "X6", m::intoInner);
            Expect.ownershipError(ErrorCode.E0382, "tryLock() after intoInner()", "X6", m::tryLock);
            Expect.ownershipError(ErrorCode.E0382, "withLock() after intoInner()", "X6", () -> m.withLock(g -> 1));
            Expect.ownershipError(ErrorCode.E0382, "isPoisoned() after intoInner()", "X6", m::isPoisoned);
            Expect.ownershipError(ErrorCode.E0382, "clearPoison() after intoInner()", "X6", m::clearPoison);
        });
        scenario("intoInner() did not return after the other thread unlocked (X6)", this::intoInnerWaitsForHolder);
    }

    /** Another thread holds the lock and writes 42 just before unlocking: intoInner must wait, then see 42. */
    private void intoInnerWaitsForHolder() throws InterruptedException {
        Mutex<Integer> m = fresh(0);
        Holder holder = Holder.of(m, g -> g.set(42)).start();
        check(holder.awaitLocked(), "lock() on a free mutex did not return (X1)");
        Thread inner = Thread.currentThread();
        Thread releaser = new Thread(() -> {
            awaitBlocked(inner);
            holder.close();
        }, "releaser");
        releaser.setDaemon(true);
        releaser.start();
        Result<Integer, PoisonError<Integer>> r = m.intoInner();
        check(r.isOk() && r.unwrap() == 42, "intoInner() while another thread holds the lock should wait for it "
                + "and return Ok(42), the holder's last write (X6), but returned " + r);
    }

    /**
     * Rust's {@code test_into_inner_poison}: a holder fails, and intoInner still returns the value,
     * as {@code Err(PoisonError(value))}.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"X6", "X5"})
    void test_into_inner_poison() {
        scenario("intoInner() on a poisoned mutex blocked (X6)", () -> {
            Mutex<Integer> m = fresh(10);
            onOtherThread("withLock() with a failing body", () -> {
                try {
                    m.withLock(g -> {
                        throw new Boom();
                    });
                } catch (Boom expected) {
                    // the failure poisons the mutex
                }
                return null;
            });
            check(m.isPoisoned(), "a withLock() body threw on another thread, so isPoisoned() should be true (X4)");
            Result<Integer, PoisonError<Integer>> r = m.intoInner();
            if (!(r instanceof Result.Err<Integer, PoisonError<Integer>> err && err.error() != null
                    && Integer.valueOf(10).equals(err.error().intoInner()))) {
                throw new AssertionFailedError("intoInner() on a poisoned mutex should return Err(PoisonError(10)), "
                        + "the value still inside (X6, X5), but returned " + r);
            }
        });
    }

    /**
     * Rust's {@code test_mutex_arc_poison}: a thread fails while holding the lock; the failure
     * reaches that thread unchanged, the mutex is poisoned, and lock still takes it (another thread's
     * tryLock sees it held), returning the guard (showing the write made before the failure) inside
     * the error.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"X4", "X5"})
    void test_mutex_arc_poison() {
        scenario("lock() after a holder failed in withLock() blocked: was the lock released? (X4)", () -> {
            Mutex<Integer> m = fresh(1);
            check(!m.isPoisoned(), "a new mutex should not be poisoned (X4)");
            Boom boom = new Boom();
            Throwable seen = onOtherThread("withLock() with a failing body", () -> {
                try {
                    m.withLock(g -> {
                        g.set(2);
                        throw boom;
                    });
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            check(seen == boom, "withLock() should let the body's exception through unchanged (X4), but "
                    + (seen == null ? "returned normally" : "threw " + seen));
            check(m.isPoisoned(), "the holder failed inside withLock(), so isPoisoned() should be true (X4)");
            try (MutexGuard<Integer> g = poisoned(m.lock(), "lock() after a holder failed", "X5")) {
                check(g.get() == 2, "the guard inside PoisonError should show the write made before the failure (2), "
                        + "but shows " + g.get() + " (X5)");
                Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> other =
                        onOtherThread("tryLock() while the guard from a poisoned lock() is held", m::tryLock);
                check(wouldBlock(other), "lock() on a poisoned mutex must take the lock all the same (X5): while its "
                        + "guard was held, tryLock() on another thread returned " + other + " instead of Err(WouldBlock)");
            }
        });
    }

    /**
     * A guard names the mutex it locks, so that a condvar can lock it again after a wait: every
     * way of locking, and after close too (it reaches no data).
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"X1"})
    void guard_names_its_mutex() {
        scenario("a guard's mutex() blocked (X1)", () -> {
            Mutex<Integer> m = fresh(1);
            MutexGuard<Integer> locked = ok(m.lock(), "lock() on a new mutex", "X1");
            check(locked.mutex() == m, "lock()'s guard.mutex() should be the very mutex locked, but is "
                    + Safely.show(locked.mutex()) + " (X1)");
            locked.close();
            check(locked.mutex() == m, "after close(), guard.mutex() should still name the mutex it locked, but is "
                    + Safely.show(locked.mutex()) + " (X1)");
            try (MutexGuard<Integer> tried = m.tryLock().unwrap()) {
                check(tried.mutex() == m, "tryLock()'s guard.mutex() should be the very mutex locked, but is "
                        + Safely.show(tried.mutex()) + " (X1)");
            }
            boolean same = m.withLock(g -> g.mutex() == m);
            check(same, "the guard withLock() passes to its body should name that mutex in mutex() (X1)");
        });
    }

    /**
     * Rust's {@code test_mutex_arc_nested}: a mutex guarding another mutex; a thread locks the
     * outer one, then the inner one through it. Two mutexes are two locks.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"X1"})
    void test_mutex_arc_nested() {
        scenario("locking a mutex while holding another one blocked: do all mutexes share one lock? (X1)", () -> {
            Mutex<Integer> inner = fresh(1);
            Mutex<Mutex<Integer>> outer = fresh(inner);
            Integer seen = onOtherThread("locking the inner mutex while holding the outer one", () -> {
                try (MutexGuard<Mutex<Integer>> g = outer.lock().unwrap()) {
                    try (MutexGuard<Integer> g2 = g.get().lock().unwrap()) {
                        return g2.get();
                    } catch (RuntimeException e) {
                        throw Expect.unexpected("locking the inner mutex while holding the outer one",
                                "succeed: two mutexes are two independent locks (X1)", e);
                    }
                }
            });
            check(seen == 1, "the inner mutex's guard should show 1, but shows " + seen + " (X1)");
        });
    }

    /** X7: locking again on the holding thread panics at once (lock and withLock); tryLock says WouldBlock. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"X7"})
    void relock_on_same_thread_panics() {
        scenario("lock() on the thread that already holds the lock blocked: it would wait for itself forever; "
                + "throw a Panic instead (X7)", () -> {
                    Mutex<Integer> m = fresh(0);
                    try (MutexGuard<Integer> g = ok(m.lock(), "lock() on a new mutex", "X1")) {
                        expectPanic("lock() on the thread that already holds the lock", "X7", m::lock);
                        expectPanic("withLock() on the thread that already holds the lock", "X7", () -> m.withLock(x -> 1));
                        check(!m.isPoisoned(), "a refused re-entrant lock is not a failure of the holder: the mutex "
                                + "should not be poisoned (X4, X7)");
                        g.set(7);
                        check(g.get() == 7, "the first guard should still work after the refused re-entrant lock (X7)");
                    }
                    Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> r =
                            onOtherThread("tryLock() after the guard was closed", () -> {
                                Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> t = m.tryLock();
                                t.ok().ifPresent(MutexGuard::close);
                                return t;
                            });
                    check(r.isOk(), "after the refused re-entrant lock and closing the first guard the mutex should be "
                            + "free, but tryLock() on another thread returned " + r + " (X7)");
                });
    }

    /**
     * X6: intoInner() on the thread that still holds a guard is E0505, as rustc refuses to move the
     * mutex out while the guard borrows it; it must neither wait for its own guard nor consume the
     * mutex. Once the guard is closed, intoInner() hands the value over.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"X6"})
    void into_inner_while_holding_a_guard() {
        scenario("intoInner() on the thread that still holds a guard blocked: it waits for its own guard; rustc "
                + "refuses that program (E0505), so throw OwnershipError E0505 instead (X6)", () -> {
                    Mutex<Integer> m = fresh(0);
                    try (MutexGuard<Integer> g = ok(m.lock(), "lock() on a new mutex", "X1")) {
                        Expect.ownershipError(ErrorCode.E0505, "intoInner() on the thread that still holds a guard",
                                "X6: the guard borrows the mutex, so it cannot be moved out; this is a compile error "
                                        + "in Rust, not a deadlock nor a panic", m::intoInner);
                        check(!m.isPoisoned(), "a refused intoInner() is not a failure of the holder: the mutex "
                                + "should not be poisoned (X4, X6)");
                        g.set(7);
                        check(g.get() == 7, "the guard should still work after the refused intoInner(): a refused "
                                + "intoInner() consumes nothing (X6)");
                    }
                    Result<Integer, PoisonError<Integer>> r = m.intoInner();
                    check(r.isOk() && r.unwrap() == 7, "after the refused intoInner() and closing the guard, "
                            + "intoInner() should return Ok(7), the guard's last write (X6), but returned " + r);
                });
    }

    /** A closed guard is dead: get and set are E0382, a second close does nothing, not even unlock a later holder. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"X1"})
    void guard_use_after_close() {
        scenario("lock() after closing a guard blocked (X1)", () -> {
            Mutex<Integer> m = fresh(3);
            MutexGuard<Integer> g = ok(m.lock(), "lock() on a new mutex", "X1");
            g.close();
            Expect.ownershipError(ErrorCode.E0382, "get() on a closed guard", "X1: the guard was dropped", g::get);
            Expect.ownershipError(ErrorCode.E0382, "set() on a closed guard", "X1: the guard was dropped",
                    () -> g.set(4));
            try (MutexGuard<Integer> g2 = ok(m.lock(), "lock() after the guard was closed", "X1")) {
                check(g2.get() == 3, "set() on a closed guard changed the value to " + g2.get()
                        + "; it must not (X1, E0382)");
                try {
                    g.close();
                } catch (RuntimeException e) {
                    throw Expect.unexpected("closing a guard a second time", "do nothing", e);
                }
                Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> other =
                        onOtherThread("tryLock() while a second guard holds the lock", m::tryLock);
                check(wouldBlock(other), "closing the old guard again released the lock held by the new guard: "
                        + "tryLock() on another thread returned " + other + " instead of Err(WouldBlock) (X1, X2)");
            }
        });
    }

    /** X8: a guard is !Send: get, set and close from another thread are E0277, and leave the lock held. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"X8"})
    void guard_from_other_thread() {
        scenario("a guard used from another thread blocked (X8)", () -> {
            Mutex<Integer> m = fresh(0);
            try (MutexGuard<Integer> g = ok(m.lock(), "lock() on a new mutex", "X1")) {
                onOtherThread("using the guard", () -> {
                    Expect.ownershipError(ErrorCode.E0277, "get() on a guard from another thread than the one that locked",
                            "X8", g::get);
                    Expect.ownershipError(ErrorCode.E0277, "set() on a guard from another thread than the one that locked",
                            "X8", () -> g.set(9));
                    Expect.ownershipError(ErrorCode.E0277, "close() on a guard from another thread than the one that "
                            + "locked", "X8", g::close);
                    return null;
                });
                Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> other =
                        onOtherThread("tryLock() after another thread tried to close the guard", m::tryLock);
                check(wouldBlock(other), "another thread closed a guard it does not own and so released the lock: "
                        + "tryLock() returned " + other + " instead of Err(WouldBlock) (X8)");
                check(g.get() == 0, "another thread changed the value through a guard it does not own (X8)");
            }
        });
    }

    /** X5: the poison stays (lock, tryLock, withLock keep reporting it) until clearPoison. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"X5"})
    void poison_stays_until_clear_poison() {
        scenario("locking a poisoned mutex blocked (X5)", () -> {
            Mutex<Integer> m = fresh(0);
            poison(m, 1);
            poisoned(m.lock(), "lock() on a poisoned mutex", "X5").close();
            poisoned(m.lock(), "a second lock() on a poisoned mutex (the poison stays until clearPoison())", "X5")
                    .close();
            check(m.isPoisoned(), "isPoisoned() should stay true until clearPoison() (X5)");
            expectPanic("withLock() on a poisoned mutex", "X5: like lock().unwrap() in Rust", () -> m.withLock(g -> 1));
            Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> t = m.tryLock();
            check(t instanceof Result.Err<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> e
                    && e.error() instanceof TryLockError.Poisoned, "after withLock() refused a poisoned mutex, the "
                    + "mutex should be free and still poisoned: tryLock() should return Err(Poisoned(..)) (X5), but "
                    + "returned " + t);
            guardOf(t).close();
            m.clearPoison();
            check(!m.isPoisoned(), "isPoisoned() should be false after clearPoison() (X5)");
            try (MutexGuard<Integer> g = ok(m.lock(), "lock() after clearPoison()", "X5")) {
                check(g.get() == 1, "the value written before the failure should survive clearPoison() (X5)");
            }
        });
    }

    /** X4: a guard closed by try-with-resources unlocks and never poisons, even when the block throws. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"X4"})
    void guard_close_never_poisons() {
        scenario("lock() after a try-with-resources block threw blocked (X4)", () -> {
            Mutex<Integer> m = fresh(0);
            try (MutexGuard<Integer> g = ok(m.lock(), "lock() on a new mutex", "X1")) {
                g.set(1);
                throw new Boom();
            } catch (Boom expected) {
                // Java cannot see this failure from close()
            }
            check(!m.isPoisoned(), "closing a guard (try-with-resources) must never poison the mutex, even when the "
                    + "block threw: Java cannot see the failure from close() (X4)");
            try (MutexGuard<Integer> g = ok(m.lock(), "lock() after a try-with-resources block threw", "X4")) {
                check(g.get() == 1, "the write made before the block threw should be kept (X1)");
            }
        });
    }

    /** X4: withLock returns the body's result and unlocks; when the body throws it still unlocks, and poisons. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"X4"})
    void with_lock_unlocks_when_body_throws() {
        scenario("withLock() blocked on a free mutex (X4)", () -> {
            Mutex<Integer> m = fresh(1);
            Integer r = m.withLock(g -> {
                g.set(g.get() + 1);
                return g.get() * 10;
            });
            check(r != null && r == 20, "withLock() should return what the body returned (20), but returned " + r);
            check(!m.isPoisoned(), "a body that returned normally must not poison the mutex (X4)");
            Boom boom = new Boom();
            try {
                m.withLock(g -> {
                    g.set(7);
                    throw boom;
                });
                throw new AssertionFailedError("withLock() should rethrow the body's exception (X4), but returned");
            } catch (Boom e) {
                check(e == boom, "withLock() should rethrow the body's own exception (X4)");
            }
            Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> t =
                    onOtherThread("tryLock() after a withLock() body threw", () -> {
                        Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> x = m.tryLock();
                        MutexGuard<Integer> g = guardOf(x);
                        if (g != null) {
                            g.close();
                        }
                        return x;
                    });
            check(!wouldBlock(t), "withLock() did not unlock when its body threw: tryLock() on another thread "
                    + "returned Err(WouldBlock); unlock in a finally block (X4)");
            check(m.isPoisoned(), "a withLock() body threw while holding the lock, so the mutex should be poisoned (X4)");
        });
    }

    // ---- helpers ----

    /** Poisons {@code m} the one way Java can see: a withLock body that throws after writing {@code value}. */
    private static void poison(Mutex<Integer> m, int value) {
        try {
            m.withLock(g -> {
                g.set(value);
                throw new Boom();
            });
        } catch (Boom expected) {
            // poisons the mutex
        }
        check(m.isPoisoned(), "a withLock() body threw while holding the lock, so the mutex should be poisoned (X4)");
    }

    private static MutexGuard<Integer> guardOf(Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> r) {
        if (r instanceof Result.Ok<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> ok) {
            return ok.value();
        }
        if (r instanceof Result.Err<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> err
                && err.error() instanceof TryLockError.Poisoned<MutexGuard<Integer>> p) {
            return p.error().intoInner();
        }
        return null;
    }

    /** A value that counts how often it was closed (dropped). */
    private static final class DropCounter implements AutoCloseable {
        private int closed;

        @Override
        public void close() {
            closed++;
        }
    }
}
