package fearless.grader.checks.parker;

import fearless.api.Unimplemented;
import fearless.api.thread.Parker;
import fearless.api.thread.ParkerProvider;
import fearless.api.thread.Unparker;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.Patience;
import java.time.Duration;
import org.opentest4j.AssertionFailedError;

/** What the parker checks share: fresh parkers from the submission, and the time a wake-up may take. */
final class Parkers {

    /** The lesson every parker check points to. */
    static final String LESSON = "course-notes/07-threads.md";

    /**
     * How long a park that must return at once (a token is there, or an unpark just came) may take
     * on an idle machine; {@link #prompt()} stretches it for the machine's load.
     */
    private static final Duration PROMPT = Duration.ofMillis(500);

    /** The most a busy machine stretches {@link #PROMPT}. */
    private static final Duration MAX_PROMPT = Duration.ofSeconds(2);

    /**
     * How long a measured {@link #prompt()} is kept: measuring the machine's load takes 20 ms of
     * processor time, too much to spend in every check, while the load changes over seconds.
     */
    private static final long REMEASURE_NANOS = 2_000_000_000L;

    private static Duration prompt;
    private static long measuredAt;

    private Parkers() {
    }

    /** A new parker from the submission's provider. */
    static Parker fresh() {
        return Submission.provider(ParkerProvider.class).parker();
    }

    /**
     * How long a park that should return at once may take on this machine now: generous, since a
     * correct parker answers in microseconds and a broken one never does.
     */
    static synchronized Duration prompt() {
        long now = System.nanoTime();
        if (prompt == null || now - measuredAt > REMEASURE_NANOS) {
            prompt = Patience.stretched(PROMPT, 1, MAX_PROMPT);
            measuredAt = System.nanoTime();
        }
        return prompt;
    }

    /**
     * Fails fast with the stub's "not yet implemented" if the parker is a stub: every check calls
     * it first, so a stub fails at once, on the checking thread, and earns no points for the
     * structure of code it does not have.
     */
    static void requireImplemented() {
        Parker parker = fresh();
        try {
            parker.unparker();
        } catch (Unimplemented stub) {
            throw new AssertionFailedError(Safely.message(stub), stub);
        } catch (RuntimeException bug) {
            // a bug, not a stub: the checks that use unparker() report it
        }
    }

    /**
     * Calls {@code u.unpark()} on a thread of its own and waits for it, {@code bound} at most: an
     * unpark never blocks, and one that does fails the check instead of hanging it.
     *
     * @param when when it was called, for the feedback: {@code "while the owner was parked"}
     */
    static void unpark(Unparker u, Duration bound, String when) throws InterruptedException {
        ParkingThread t = ParkingThread.start("unparker", u::unpark);
        boolean returned = t.awaitDone(bound);
        t.abandon();
        t.requireNoFailure("unpark() " + when);
        check(returned, () -> "unpark() " + when + " had not returned after " + bound.toMillis() + " ms: unpark() "
                + "never blocks (T7). Does it wait for a lock the parked thread keeps, or for the token to be taken?");
    }

    /** Milliseconds with one decimal, for feedback. */
    static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static void check(boolean condition, java.util.function.Supplier<String> message) {
        if (!condition) {
            throw new AssertionFailedError(message.get());
        }
    }
}
