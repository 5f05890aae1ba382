package fearless.grader.checks.syncchannel;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.channel.SyncChannel;
import fearless.api.channel.SyncChannelProvider;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.Bounded;
import fearless.grader.check.race.Patience;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/** What the sync-channel checks share: fresh channels, the stub's fast failure, bounded calls. */
final class SyncChannels {

    /** The lesson every check points to. */
    static final String LESSON = "course-notes/08-message-passing.md";


    /** The bound of a call that must not wait: twice the most {@link Patience#prompt()} stretches to. */
    private static final Duration QUICK = Duration.ofSeconds(4);

    private SyncChannels() {
    }

    /** A new channel of {@code bound} from the submission. */
    static <T> SyncChannel<T> fresh(int bound) {
        return Submission.provider(SyncChannelProvider.class).syncChannel(bound);
    }

    /**
     * Fails fast with the stub's "not yet implemented": every check calls it first, so a stub
     * fails at once, and structure earns points only for a channel that exists.
     */
    static void requireImplemented() {
        try {
            SyncChannel<String> ch = fresh(1);
            ch.sender().trySend("probe");
            ch.receiver().tryRecv();
        } catch (Unimplemented stub) {
            throw new AssertionFailedError(Safely.message(stub), stub);
        } catch (RuntimeException bug) {
            // a bug, not a stub: the checks report it
        }
    }

    /** Runs a call that must not block, on a bounded thread: a hang fails with {@code what} and the rule. */
    static <R> R quick(String what, String rule, Callable<R> call) {
        return Bounded.call(what + " did not return within " + QUICK.toMillis()
                + " ms, although it should not wait here (" + rule + ")", QUICK, call);
    }

    static void check(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new AssertionFailedError(message.get());
        }
    }

    /** Whether {@code r} is {@code Ok} holding this very object. */
    static boolean okSame(Result<?, ?> r, Object expected) {
        return r instanceof Result.Ok<?, ?> ok && ok.value() == expected;
    }

    /** A result as the feedback shows it. */
    static String show(Object r) {
        return Safely.show(r);
    }
}
