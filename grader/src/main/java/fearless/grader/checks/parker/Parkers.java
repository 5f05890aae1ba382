package fearless.grader.checks.parker;

import fearless.api.Unimplemented;
import fearless.api.thread.Parker;
import fearless.api.thread.ParkerProvider;
import fearless.api.thread.Unparker;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.WatchedCall;
import java.time.Duration;
import org.opentest4j.AssertionFailedError;

/** What the parker checks share: fresh parkers from the submission, and the time a wake-up may take. */
final class Parkers {

    /** The lesson every parker check points to. */
    static final String LESSON = "course-notes/07-threads.md";




    private Parkers() {
    }

    /** A new parker from the submission's provider. */
    static Parker fresh() {
        return Submission.provider(ParkerProvider.class).parker();
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
        WatchedCall<Void> t = WatchedCall.startAction("unparker", u::unpark);
        boolean returned = t.awaitDone(bound);
        t.abandon();
        t.requireNoFailure("unpark() " + when, "T7");
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
