package fearless.grader.checks.spawn;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.Threads;
import fearless.api.thread.ThreadsProvider;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.Bounded;
import fearless.grader.check.race.Patience;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * What the spawn checks share: the submission's {@link Threads}, bounded scenarios, bodies that
 * wait on a latch, and readable expectations on join results.
 */
final class Spawns {

    /** The lesson every spawn check points to. */
    static final String LESSON = "course-notes/07-threads.md";

    /** How long a whole small scenario may take (it holds a few bounded waits). */
    static final Duration SCENARIO = Duration.ofSeconds(6);

    /**
     * The most a body waits for its latch: far longer than any check takes to release it, so a
     * body that gives up waiting means the check itself was blocked (by a spawn or a close that
     * waited for the body).
     */
    static final Duration BODY_WAIT = Duration.ofSeconds(4);

    private Spawns() {
    }

    /** The submission's {@link Threads}, through its provider. */
    static Threads threads() {
        return Submission.provider(ThreadsProvider.class).threads();
    }

    /** Runs a whole scenario on a checking thread, bounded; a hang fails with {@code onHang} and a thread dump. */
    static void scenario(String onHang, Bounded.Body body) {
        Bounded.run(onHang, SCENARIO, body);
    }

    /**
     * A bound on the clock for a wait that only a broken submission reaches (a join that never
     * returns, a close that blocks): {@code base}, stretched for the machine's load.
     */
    static Duration patience(Duration base) {
        return Patience.stretched(base, 1, base.multipliedBy(4));
    }

    /**
     * Waits for {@code latch} at most {@link #BODY_WAIT}, from inside a body: true if it opened,
     * false if the wait ran out. An interrupt ends the wait early and is kept as the thread's
     * interrupt status, for the body to report.
     */
    static boolean await(CountDownLatch latch) {
        try {
            return latch.await(BODY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits at most {@code bound} until {@code condition} holds; true if it did. */
    static boolean within(Duration bound, BooleanSupplier condition) {
        long end = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                return false;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return true;
    }

    /** Whether {@code t} is waiting or blocked: inside a wait of some kind. */
    static boolean isWaiting(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.WAITING || s == Thread.State.BLOCKED || s == Thread.State.TIMED_WAITING;
    }

    /** A started daemon helper thread of the checking thread's group (so a hang's dump shows it). */
    static Thread helper(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits at most {@code bound} for {@code t} to end; true if it did. */
    static boolean ended(Thread t, Duration bound) throws InterruptedException {
        t.join(Math.max(1, bound.toMillis()));
        return !t.isAlive();
    }

    /**
     * Makes {@code call}, which must succeed. A stub's {@link Unimplemented} fails with its own
     * message; anything else thrown fails saying {@code what} should have worked.
     */
    static <T> T require(String what, String rule, Supplier<T> call) {
        try {
            return call.get();
        } catch (Unimplemented e) {
            throw new AssertionFailedError(Safely.message(e), e);
        } catch (RuntimeException | Error e) {
            if (e instanceof AssertionError assertion) {
                throw assertion;
            }
            throw new AssertionFailedError(what + " should succeed (" + rule + "), but it threw " + Safely.describe(e),
                    e);
        }
    }

    /** {@code handle.join()}, which must not throw: it hands every failure back as a value (T2). */
    static <T> Result<T, Object> join(JoinHandle<T> handle, String what) {
        Result<T, Object> result;
        try {
            result = handle.join();
        } catch (Unimplemented e) {
            throw new AssertionFailedError(Safely.message(e), e);
        } catch (Throwable e) {
            throw new AssertionFailedError(what + ".join() threw " + Safely.describe(e) + ": join never throws, "
                    + "it returns Ok(result) or Err(payload) (T2)", e);
        }
        if (result == null) {
            throw new AssertionFailedError(what + ".join() returned null instead of Ok(result) or Err(payload) (T2): "
                    + "did it return before the thread had stored its outcome, or did the thread die of an uncaught "
                    + "throwable?");
        }
        return result;
    }

    /** Fails unless {@code result} is {@code Ok(expected)} (compared with equals). */
    static void expectOk(Result<?, Object> result, Object expected, String what, String rule) {
        if (!(result instanceof Result.Ok<?, Object> ok && java.util.Objects.equals(ok.value(), expected))) {
            throw new AssertionFailedError(what + " should give Ok(" + shown(expected) + ") (" + rule + "), but gave "
                    + shown(result));
        }
    }

    /** The error value of {@code result}; fails unless it is an {@code Err}. */
    static Object expectErr(Result<?, Object> result, String what, String rule) {
        if (result instanceof Result.Err<?, Object> err) {
            return err.error();
        }
        throw new AssertionFailedError(what + " should give Err(payload) (" + rule + "), but gave " + shown(result));
    }


    /** A value from the submission as text (Safely), strings quoted. */
    static String shown(Object value) {
        return value instanceof String s ? '"' + s + '"' : Safely.show(value);
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

    /**
     * Fails fast unless one spawn and one join work on a single caller: race and structure checks
     * call it first, so a stub fails at once with its "not yet implemented", and earns no points
     * for the structure of code it does not have.
     */
    static void requireWorking() {
        Bounded.run("threads.spawn(() -> 1).join() did not return (T1, T2)", SCENARIO, () -> {
            JoinHandle<Integer> h = require("threads.spawn(() -> 1)", "T1", () -> threads().spawn(() -> 1));
            expectOk(join(h, "h"), 1, "threads.spawn(() -> 1).join()", "T2");
        });
    }
}
