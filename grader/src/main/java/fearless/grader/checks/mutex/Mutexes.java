package fearless.grader.checks.mutex;

import fearless.grader.check.Expect;
import fearless.grader.check.Safely;
import fearless.api.Result;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.MutexProvider;
import fearless.api.mutex.PoisonError;
import fearless.api.mutex.TryLockError;
import fearless.grader.check.Submission;
import fearless.grader.check.race.Bounded;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.opentest4j.AssertionFailedError;

/** What the mutex checks share: fresh mutexes from the submission, and readable expectations on results. */
final class Mutexes {

    /** The lesson every mutex check points to. */
    static final String LESSON = "course-notes/06-mutex.md";

    /** How long a call that must not block may take. */
    static final Duration SHORT = Duration.ofSeconds(2);

    /** How long a whole small scenario may take (it may contain a few bounded calls). */
    static final Duration SCENARIO = Duration.ofSeconds(5);

    private Mutexes() {
    }

    /** A new mutex around {@code value}, from the submission's provider. */
    static <T> Mutex<T> fresh(T value) {
        return Submission.provider(MutexProvider.class).create(value);
    }

    /** The guard of an {@code Ok}; fails saying {@code call} should have succeeded. */
    static <T, E> MutexGuard<T> ok(Result<MutexGuard<T>, E> result, String call, String rule) {
        if (result instanceof Result.Ok<MutexGuard<T>, E> ok && ok.value() != null) {
            return ok.value();
        }
        throw new AssertionFailedError(call + " should return Ok(guard) (" + rule + "), but returned " + result);
    }

    /** The guard inside {@code Err(PoisonError(guard))}; fails saying {@code call} should report the poison. */
    static <T> MutexGuard<T> poisoned(Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> result, String call,
            String rule) {
        if (result instanceof Result.Err<MutexGuard<T>, PoisonError<MutexGuard<T>>> err && err.error() != null
                && err.error().intoInner() != null) {
            return err.error().intoInner();
        }
        throw new AssertionFailedError(call + " should return Err(PoisonError(guard)) on a poisoned mutex ("
                + rule + "), but returned " + result);
    }

    /** Whether {@code result} is {@code Err(WouldBlock)}. */
    static <T> boolean wouldBlock(Result<MutexGuard<T>, TryLockError<MutexGuard<T>>> result) {
        return result instanceof Result.Err<MutexGuard<T>, TryLockError<MutexGuard<T>>> err
                && err.error() instanceof TryLockError.WouldBlock;
    }


    /** Runs {@code call} on a new thread, bounded by {@link #SHORT}; {@code what} names it in feedback. */
    static <T> T onOtherThread(String what, Callable<T> call) {
        return Bounded.call(what + " on another thread did not return within " + SHORT.toMillis() + " ms", SHORT,
                call);
    }

    /** Runs a whole scenario on a checking thread, bounded; a hang fails with {@code onHang} and a thread dump. */
    static void scenario(String onHang, Bounded.Body body) {
        Bounded.run(onHang, SCENARIO, body);
    }

    /**
     * Fails fast if the mutex cannot even lock and unlock on one thread: race and structure checks
     * call it first, so a stub fails at once (with its "not yet implemented" message) instead of
     * burning a stress budget, and earns no points for the structure of code it does not have.
     */
    static void requireWorking() {
        Bounded.run("lock() on a new mutex, on a single thread, did not return (X1)", SHORT, () -> {
            try {
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
            } catch (RuntimeException e) {
                throw Expect.unexpected("lock(), close(), withLock() and tryLock() in turn on one thread",
                        "work before any race is tried", e);
            }
        });
    }

    /** Fails unless {@code call} throws a {@link fearless.api.Panic} (a stub's own panic fails with its message). */
    static void expectPanic(String what, String rule, Runnable call) {
        try {
            call.run();
        } catch (fearless.api.Panic e) {
            if (e instanceof fearless.api.Unimplemented) {
                throw new AssertionFailedError(Safely.message(e), e);
            }
            return;
        } catch (RuntimeException e) {
            throw new AssertionFailedError(what + " should throw a Panic (" + rule + "), but threw " + Safely.describe(e), e);
        }
        throw new AssertionFailedError(what + " should throw a Panic (" + rule + "), but it returned");
    }

    /** Waits (300 ms at most) until {@code t} is blocked or waiting, i.e. inside a lock operation. */
    static void awaitBlocked(Thread t) {
        long end = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < end && !isWaiting(t)) {
            Thread.onSpinWait();
        }
    }

    /** Whether {@code t} is blocked on a monitor or waiting (timed or not). */
    static boolean isWaiting(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.WAITING || s == Thread.State.BLOCKED || s == Thread.State.TIMED_WAITING;
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionFailedError(message);
        }
    }

    /** For a message that quotes the submission's values: it is written only when the check fails. */
    static void check(boolean condition, java.util.function.Supplier<String> message) {
        if (!condition) {
            throw new AssertionFailedError(message.get());
        }
    }

}
