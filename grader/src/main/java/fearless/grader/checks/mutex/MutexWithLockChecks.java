package fearless.grader.checks.mutex;

import static fearless.grader.checks.mutex.Mutexes.check;
import static fearless.grader.checks.mutex.Mutexes.fresh;
import static fearless.grader.checks.mutex.Mutexes.ok;
import static fearless.grader.checks.mutex.Mutexes.onOtherThread;
import static fearless.grader.checks.mutex.Mutexes.scenario;
import static fearless.grader.checks.mutex.Mutexes.wouldBlock;

import fearless.grader.check.Expect;
import fearless.api.ErrorCode;
import fearless.api.Result;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.TryLockError;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;

/**
 * The promises of withLock beyond the plain path: any failure of the body poisons and unlocks, not
 * only a {@code RuntimeException}; the guard is the body's to use, not to keep.
 */
@Exercise("mutex")
class MutexWithLockChecks {

    /** An {@link Error} thrown by a body, as a failed {@code assert} or a stack overflow would be. */
    private static final class BodyError extends Error {
        private static final long serialVersionUID = 1L;

        BodyError() {
            super("the body failed with an Error while holding the lock");
        }
    }

    /**
     * X4 for every kind of failure: a body that throws an {@link Error}, or a checked exception
     * thrown past the compiler (a "sneaky throw", as Lombok and Kotlin code do), poisons the mutex,
     * unlocks it, and reaches the caller unchanged. Catching only {@code RuntimeException} misses both.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"X4"})
    void with_lock_poisons_on_any_failure() {
        scenario("withLock() blocked on a free mutex (X4)", () -> {
            Mutex<Integer> m = fresh(0);
            failWith(m, new BodyError(), "an Error");
            m.clearPoison();
            failWith(m, new IOException("a checked exception thrown past the compiler"),
                    "a checked exception (thrown sneakily: the compiler does not see it)");
        });
    }

    /**
     * withLock's Javadoc: the guard is dead once the body returns (a kept guard is E0382, and
     * closing it then unlocks nothing), and a body that closes its guard early leaves withLock
     * nothing to unlock: it must not release a lock another thread took in the meantime.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"X1", "X4"})
    void with_lock_guard_lives_only_in_the_body() {
        scenario("withLock() blocked on a free mutex (X1)", () -> {
            Mutex<Integer> m = fresh(5);
            AtomicReference<MutexGuard<Integer>> kept = new AtomicReference<>();
            m.withLock(g -> {
                kept.set(g);
                return null;
            });
            Expect.ownershipError(ErrorCode.E0382, "get() on the guard a withLock() body kept after withLock() returned",
                    "X1: the guard is dead once the body returns", kept.get()::get);
            Expect.ownershipError(ErrorCode.E0382, "set() on the guard a withLock() body kept after withLock() returned",
                    "X1: the guard is dead once the body returns", () -> kept.get().set(6));
            try (MutexGuard<Integer> g = ok(m.lock(), "lock() after withLock() returned", "X1, X4")) {
                check(g.get() == 5, "a guard kept after withLock() returned changed the value to " + g.get() + " (X1)");
                try {
                    kept.get().close();
                } catch (RuntimeException e) {
                    throw new AssertionFailedError("closing a guard kept after withLock() returned should do nothing "
                            + "(it is dead), but threw " + Safely.describe(e), e);
                }
                check(wouldBlock(onOtherThread("tryLock() while a new guard holds the lock", m::tryLock)),
                        "closing a guard kept after withLock() returned released the lock held by a later guard "
                                + "(X1): a dead guard must unlock nothing");
            }
            closeEarlyThenAnotherThreadLocks(m);
        });
    }

    /**
     * The body closes its guard, another thread takes the lock, the body returns: withLock must
     * return the body's result and leave that thread's lock alone.
     */
    private static void closeEarlyThenAnotherThreadLocks(Mutex<Integer> m) throws InterruptedException {
        try (Holder other = Holder.of(m, g -> { })) {
            Integer r = m.withLock(g -> {
                g.close();
                other.start();
                try {
                    other.awaitLocked();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 7;
            });
            check(other.hasLocked(), "a withLock() body closed its guard, yet another thread could not lock (X1)");
            check(r != null && r == 7, "withLock() should return what the body returned (7) even when the body closed "
                    + "its guard early, but returned " + r + " (X4)");
            check(!m.isPoisoned(), "a body that closed its guard and returned normally must not poison the mutex (X4)");
            Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> t =
                    onOtherThread("tryLock() while the other thread holds the lock", m::tryLock);
            check(wouldBlock(t), () -> "a withLock() body closed its guard early and another thread then took the lock; when "
                    + "the body returned, withLock() released that thread's lock (tryLock() on a third thread returned "
                    + Safely.show(t) + "). If the body closed the guard, there is nothing left to unlock (X1, X2)");
        }
    }

    /** A withLock body throws {@code failure}: it must come back unchanged, unlocked and poisoned. */
    private static void failWith(Mutex<Integer> m, Throwable failure, String kind) {
        Throwable seen = null;
        try {
            m.withLock(throwing(failure));
        } catch (Throwable e) {
            seen = e;
        }
        check(seen == failure, "a withLock() body threw " + kind + "; withLock() should let it through unchanged "
                + "(X4), but " + (seen == null ? "returned normally" : "threw " + Safely.describe(seen)));
        Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> t =
                onOtherThread("tryLock() after a withLock() body threw " + kind, () -> {
                    Result<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> x = m.tryLock();
                    if (x instanceof Result.Ok<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> okay) {
                        okay.value().close();
                    } else if (x instanceof Result.Err<MutexGuard<Integer>, TryLockError<MutexGuard<Integer>>> err
                            && err.error() instanceof TryLockError.Poisoned<MutexGuard<Integer>> p) {
                        p.error().intoInner().close();
                    }
                    return x;
                });
        check(!wouldBlock(t), "a withLock() body threw " + kind + " and the lock stayed held: tryLock() on another "
                + "thread returned Err(WouldBlock). Unlock in a finally block, which runs for every Throwable (X4)");
        check(m.isPoisoned(), "a withLock() body threw " + kind + " while holding the lock, so the mutex should be "
                + "poisoned (X4): catch Throwable (or use finally), not only RuntimeException");
    }

    /** A body that throws {@code failure}, checked or not, past the compiler. */
    private static Function<MutexGuard<Integer>, Object> throwing(Throwable failure) {
        return g -> {
            g.set(g.get() + 1);
            throw MutexWithLockChecks.<RuntimeException>sneaky(failure);
        };
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable failure) throws E {
        throw (E) failure;
    }
}
