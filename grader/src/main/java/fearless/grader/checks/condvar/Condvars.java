package fearless.grader.checks.condvar;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.PoisonError;
import fearless.api.sync.Condvar;
import fearless.api.sync.CondvarProvider;
import fearless.api.sync.WaitTimeoutResult;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.WatchedCall;
import fearless.grader.checks.kit.KitMutex;
import fearless.grader.checks.kit.KitMutexes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * What the condvar checks share: fresh condvars from the submission, the kit's mutexes they wait
 * with (never the student's own mutex), and what a wait handed back, read on the waiting thread.
 */
final class Condvars {

    /** The lesson every condvar check points to. */
    static final String LESSON = "course-notes/09-shared-state.md";

    /** Rust's {@code Duration::from_millis(u64::MAX)}, as close as a Java {@code Duration} of millis gets. */
    static final Duration HUGE = Duration.ofMillis(Long.MAX_VALUE);

    private Condvars() {
    }

    /** A new condvar from the submission's provider. */
    static Condvar fresh() {
        return Submission.provider(CondvarProvider.class).create();
    }

    /** A new mutex of the kit's, guarding {@code value}. */
    static <T> KitMutex<T> mutex(T value) {
        return (KitMutex<T>) new KitMutexes().create(value);
    }

    /**
     * Fails fast with the stub's "not yet implemented" if the condvar is a stub: every check calls
     * it first, so a stub fails at once and earns no points for the structure of code it does not
     * have.
     */
    static void requireImplemented() {
        Condvar c = fresh();
        try {
            c.notifyOne();
        } catch (Unimplemented stub) {
            throw new AssertionFailedError(Safely.message(stub), stub);
        } catch (RuntimeException bug) {
            // a bug, not a stub: the checks that notify report it
        }
    }

    /**
     * What a wait handed back, seen on the thread that waited: Ok or Err, whether that thread held
     * the lock again, what the guard read, and (for waitTimeout) whether it said it timed out.
     */
    record Back(boolean ok, boolean held, String value, boolean timedOut) {

        /** What the wait returned, for feedback. */
        String shown() {
            return (ok ? "Ok" : "Err(PoisonError)") + " with the lock " + (held ? "held" : "NOT held") + ", the guard "
                    + "reading " + value + (timedOut ? ", timed out" : "");
        }
    }

    /**
     * Reads what {@code wait}/{@code waitWhile} returned, on the waiting thread, then closes the
     * guard it holds (if any), so that the mutex is free again whatever the submission did.
     */
    static <T> Back back(KitMutex<T> m, Result<MutexGuard<T>, PoisonError<MutexGuard<T>>> r) {
        if (r == null) {
            throw new AssertionFailedError("the wait returned null instead of a Result (C1)");
        }
        boolean ok = r.isOk();
        MutexGuard<T> g = ok ? r.unwrap() : inner(r.unwrapErr());
        return read(m, ok, g, false);
    }

    /** As {@link #back}, for what {@code waitTimeout} returned. */
    static <T> Back backTimed(KitMutex<T> m,
            Result<WaitTimeoutResult<MutexGuard<T>>, PoisonError<WaitTimeoutResult<MutexGuard<T>>>> r) {
        if (r == null) {
            throw new AssertionFailedError("waitTimeout returned null instead of a Result (C3)");
        }
        boolean ok = r.isOk();
        WaitTimeoutResult<MutexGuard<T>> w = ok ? r.unwrap() : inner(r.unwrapErr());
        if (w == null) {
            throw new AssertionFailedError("waitTimeout returned " + (ok ? "Ok(null)" : "Err(PoisonError(null))")
                    + " instead of a WaitTimeoutResult holding the guard (C3)");
        }
        return read(m, ok, w.guard(), w.timedOut());
    }

    private static <G> G inner(PoisonError<G> e) {
        if (e == null) {
            throw new AssertionFailedError("the wait returned Err(null) instead of Err(PoisonError(guard)) (C1)");
        }
        return e.intoInner();
    }

    private static <T> Back read(KitMutex<T> m, boolean ok, MutexGuard<T> g, boolean timedOut) {
        boolean held = m.isHeldByCurrentThread();
        String value;
        if (g == null) {
            value = "nothing (the guard was null)";
        } else {
            try {
                value = String.valueOf(g.get());
            } catch (RuntimeException e) {
                value = "nothing: get() threw " + Safely.describe(e);
            }
            try {
                g.close();
            } catch (RuntimeException e) {
                // the kit's guard refuses only a close from another thread; nothing to release
            }
        }
        if (m.isHeldByCurrentThread()) {
            throw new AssertionFailedError("the guard the wait returned is not the one holding the lock: closing it "
                    + "left the mutex locked. A wait returns the guard that guard.mutex().lock() gave it (C1)");
        }
        return new Back(ok, held, value, timedOut);
    }

    /** Whether every call ended within {@code bound} in all; the ones that did not are interrupted and left. */
    static boolean awaitAll(List<? extends WatchedCall<?>> calls, Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        boolean all = true;
        for (WatchedCall<?> call : calls) {
            long left = Math.max(1, end - System.nanoTime());
            all &= call.awaitDone(Duration.ofNanos(left));
        }
        return all;
    }

    /** Abandons every call still running. */
    static void abandon(List<? extends WatchedCall<?>> calls) {
        calls.forEach(WatchedCall::abandon);
    }

    /** Spins (a second at most) until {@code t} waits, in a wait or a park, or has ended. */
    static void untilWaiting(Thread t) {
        long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (t.isAlive() && System.nanoTime() - end < 0) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    /** Milliseconds with one decimal, for feedback. */
    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static void check(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new AssertionFailedError(message.get());
        }
    }
}
