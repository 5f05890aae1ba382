package fearless.grader.checks.rwlock;

import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.mutex.PoisonError;
import fearless.api.mutex.TryLockError;
import fearless.api.sync.RwLock;
import fearless.api.sync.RwLockProvider;
import fearless.api.sync.RwLockReadGuard;
import fearless.api.sync.RwLockWriteGuard;
import fearless.grader.check.Expect;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.Bounded;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/** What the rw-lock checks share: fresh locks from the submission, and readable expectations on results. */
final class RwLocks {

    /** The lesson every rw-lock check points to. */
    static final String LESSON = "course-notes/09-shared-state.md";

    /** How long a call that must not block may take. */
    static final Duration SHORT = Duration.ofSeconds(2);

    /** How long a whole small scenario may take (it may contain a few bounded calls). */
    static final Duration SCENARIO = Duration.ofSeconds(5);

    private RwLocks() {
    }

    /** A new lock around {@code value}, from the submission's provider. */
    static <T> RwLock<T> fresh(T value) {
        return Submission.provider(RwLockProvider.class).create(value);
    }

    /** The value of an {@code Ok}; fails saying {@code call} should have succeeded. */
    static <G, E> G ok(Result<G, E> result, String call, String rule) {
        if (result instanceof Result.Ok<G, E> ok && ok.value() != null) {
            return ok.value();
        }
        throw new AssertionFailedError(call + " should return Ok(guard) (" + rule + "), but returned "
                + Safely.show(result));
    }

    /** The guard inside {@code Err(PoisonError(guard))}; fails saying {@code call} should report the poison. */
    static <G> G poisoned(Result<G, PoisonError<G>> result, String call, String rule) {
        if (result instanceof Result.Err<G, PoisonError<G>> err && err.error() != null
                && err.error().intoInner() != null) {
            return err.error().intoInner();
        }
        throw new AssertionFailedError(call + " should return Err(PoisonError(guard)) on a poisoned lock (" + rule
                + "), but returned " + Safely.show(result));
    }

    /** The guard inside {@code Err(Poisoned(PoisonError(guard)))}; fails saying {@code call} should report it. */
    static <G> G tryPoisoned(Result<G, TryLockError<G>> result, String call, String rule) {
        if (result instanceof Result.Err<G, TryLockError<G>> err && err.error() instanceof TryLockError.Poisoned<G> p
                && p.error() != null && p.error().intoInner() != null) {
            return p.error().intoInner();
        }
        throw new AssertionFailedError(call + " should return Err(Poisoned(PoisonError(guard))) on a poisoned lock ("
                + rule + "), but returned " + Safely.show(result));
    }

    /** Whether {@code result} is {@code Err(WouldBlock)}. */
    static boolean wouldBlock(Result<?, ? extends TryLockError<?>> result) {
        return result instanceof Result.Err<?, ?> err && err.error() instanceof TryLockError.WouldBlock;
    }

    /** The guard a blocking call returned, poisoned or not. */
    static <G> G either(Result<G, PoisonError<G>> r) {
        return r.isOk() ? r.unwrap() : r.unwrapErr().intoInner();
    }

    /** Fails unless {@code result} is {@code Err(WouldBlock)}. */
    static void expectWouldBlock(Result<?, ? extends TryLockError<?>> result, String call, String rule) {
        check(wouldBlock(result), () -> call + " should return Err(WouldBlock) (" + rule + "), but returned "
                + Safely.show(result));
    }

    /** tryRead on a new thread, bounded; the share it got, if any, is given back on that thread. */
    static String tryReadElsewhere(RwLock<Integer> lock) {
        return onOtherThread("tryRead()", () -> {
            Result<RwLockReadGuard<Integer>, TryLockError<RwLockReadGuard<Integer>>> r = lock.tryRead();
            return describeTry(r, RwLockReadGuard::close);
        });
    }

    /** tryWrite on a new thread, bounded; the lock it got, if any, is given back on that thread. */
    static String tryWriteElsewhere(RwLock<Integer> lock) {
        return onOtherThread("tryWrite()", () -> {
            Result<RwLockWriteGuard<Integer>, TryLockError<RwLockWriteGuard<Integer>>> r = lock.tryWrite();
            return describeTry(r, RwLockWriteGuard::close);
        });
    }

    /** "Ok(guard)", "Err(WouldBlock)" or "Err(Poisoned(guard))", closing any guard it holds. */
    static <G> String describeTry(Result<G, TryLockError<G>> r, java.util.function.Consumer<G> close) {
        if (r instanceof Result.Ok<G, TryLockError<G>> ok) {
            close.accept(ok.value());
            return "Ok(guard)";
        }
        TryLockError<G> e = r.unwrapErr();
        if (e instanceof TryLockError.Poisoned<G> p) {
            close.accept(p.error().intoInner());
            return "Err(Poisoned(guard))";
        }
        return "Err(WouldBlock)";
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
     * Fails fast if the lock cannot even read and write on one thread: race and structure checks
     * call it first, so a stub fails at once with its "not yet implemented", and earns no points
     * for the structure of code it does not have.
     */
    static void requireWorking() {
        Bounded.run("read() and write() on a new lock, on a single thread, did not return (R1)", SHORT, () -> {
            try {
                RwLock<Integer> l = fresh(0);
                l.read().unwrap().close();
                try (RwLockWriteGuard<Integer> g = l.write().unwrap()) {
                    g.set(1);
                }
                l.withRead(RwLockReadGuard::get);
                l.withWrite(g -> {
                    g.set(g.get() + 1);
                    return null;
                });
                describeTry(l.tryRead(), RwLockReadGuard::close);
                describeTry(l.tryWrite(), RwLockWriteGuard::close);
            } catch (RuntimeException e) {
                throw Expect.unexpected("read(), write(), withRead(), withWrite(), tryRead() and tryWrite() in turn"
                        + " on one thread", "work before any race is tried", e);
            }
        });
    }

    /** Fails unless {@code call} throws a {@link Panic} (a stub's own panic fails with its message). */
    static void expectPanic(String what, String rule, Runnable call) {
        try {
            call.run();
        } catch (Panic e) {
            if (e instanceof Unimplemented) {
                throw new AssertionFailedError(Safely.message(e), e);
            }
            return;
        } catch (RuntimeException e) {
            throw new AssertionFailedError(what + " should throw a Panic (" + rule + "), but threw "
                    + Safely.describe(e), e);
        }
        throw new AssertionFailedError(what + " should throw a Panic (" + rule + "), but it returned");
    }

    /** Passes a stub's "not yet implemented" on as its own failure. */
    static void rethrowUnimplemented(Throwable e) {
        if (e instanceof Unimplemented) {
            throw new AssertionFailedError(Safely.message(e), e);
        }
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionFailedError(message);
        }
    }

    /** For a message that quotes the submission's values: it is written only when the check fails. */
    static void check(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new AssertionFailedError(message.get());
        }
    }
}
