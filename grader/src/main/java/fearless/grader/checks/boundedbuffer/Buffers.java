package fearless.grader.checks.boundedbuffer;

import fearless.api.Unimplemented;
import fearless.api.sync.BoundedBuffer;
import fearless.api.sync.BoundedBufferProvider;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.WatchedCall;
import fearless.grader.checks.kit.KitCondvars;
import fearless.grader.checks.kit.KitMutexes;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * What the bounded-buffer checks share: a buffer from the submission, made on the kit's mutex and
 * condvar (never the student's own), and calls into it run on threads of the check's, each bounded.
 */
final class Buffers {

    /** The lesson every check points to. */
    static final String LESSON = "course-notes/09-shared-state.md";

    private Buffers() {
    }

    /** A buffer and the kit primitives it was made with, which report what the buffer did with them. */
    record Setup<T>(BoundedBuffer<T> buffer, KitMutexes mutexes, KitCondvars condvars) {
    }

    /** A new buffer of {@code capacity} from the submission, on a fresh kit mutex provider and {@code condvars}. */
    static <T> Setup<T> fresh(int capacity, KitCondvars condvars) {
        KitMutexes mutexes = new KitMutexes();
        BoundedBuffer<T> buffer = Submission.provider(BoundedBufferProvider.class).create(capacity, mutexes, condvars);
        if (buffer == null) {
            throw new AssertionFailedError("BoundedBufferProvider.create(" + capacity + ", ...) returned null: it must "
                    + "return a new buffer (X2)");
        }
        return new Setup<>(buffer, mutexes, condvars);
    }

    /** A new buffer on a plain kit condvar, with no adversary. */
    static <T> Setup<T> fresh(int capacity) {
        return fresh(capacity, new KitCondvars());
    }

    /**
     * Fails fast with the stub's "not yet implemented": every check calls it first, so a stub
     * fails at once and earns no points for the structure of code it does not have.
     */
    static void requireImplemented() throws InterruptedException {
        Setup<String> s = fresh(1);
        WatchedCall<Integer> size = WatchedCall.start("checker", s.buffer()::size);
        size.awaitDone(Patience.prompt());
        size.abandon();
        if (size.isDone()) {
            try {
                size.result("size()");
            } catch (AssertionFailedError e) {
                if (e.getCause() instanceof Unimplemented) {
                    throw e;
                }
                // a bug, not a stub: the checks that call size() report it
            }
        }
    }

    /**
     * Runs {@code call}, which must not wait (a put with room, a take with items), on a thread
     * named {@code thread}, and returns its result; fails the check if it threw or did not return.
     */
    static <R> R prompt(String thread, String what, String rule, Callable<R> call) throws InterruptedException {
        Duration bound = Patience.prompt();
        WatchedCall<R> c = WatchedCall.start(thread, call);
        boolean done = c.awaitDone(bound);
        c.abandon();
        c.requireNoFailure(what, rule);
        check(done, () -> what + " did not return within " + bound.toMillis() + " ms, although it had no reason to "
                + "wait (" + rule + ")");
        return c.result();
    }

    /** {@link #prompt} for a put. */
    static void put(BoundedBuffer<String> b, String item, String rule) throws InterruptedException {
        prompt("producer-0", "put(\"" + item + "\") on a buffer with room", rule, () -> {
            b.put(item);
            return null;
        });
    }

    /** {@link #prompt} for a take, which must return {@code expected}. */
    static void take(BoundedBuffer<String> b, String expected, String context, String rule) throws InterruptedException {
        String got = prompt("consumer-0", "take() on a buffer holding items", rule, b::take);
        check(expected.equals(got), () -> context + ": take() returned " + Safely.show(got) + ", expected \""
                + expected + "\" (" + rule + ")");
    }

    /** {@link #prompt} for size(), which must return {@code expected}. */
    static void size(BoundedBuffer<?> b, int expected, String context, String rule) throws InterruptedException {
        Integer got = prompt("checker", "size()", rule, b::size);
        check(got != null && got == expected, () -> context + ": size() returned " + got + ", expected " + expected
                + " (" + rule + ")");
    }

    /**
     * Runs {@code call} on a thread of its own and returns what it threw, or {@code null} if it
     * returned; a stub's "not yet implemented" fails the check as it is.
     */
    static Throwable thrown(String what, String rule, WatchedCall.Action call) throws InterruptedException {
        return prompt("checker", what, rule, () -> {
            try {
                call.run();
                return null;
            } catch (Unimplemented stub) {
                throw stub;
            } catch (Throwable e) {
                return e;
            }
        });
    }

    static void check(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new AssertionFailedError(message.get());
        }
    }
}
