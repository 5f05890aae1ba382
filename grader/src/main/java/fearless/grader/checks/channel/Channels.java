package fearless.grader.checks.channel;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.channel.Channel;
import fearless.api.channel.ChannelProvider;
import fearless.api.channel.RecvError;
import fearless.api.channel.RecvTimeoutError;
import fearless.api.channel.SendError;
import fearless.api.channel.TryRecvError;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/** What the channel checks share: fresh channels from the submission, and how results read. */
final class Channels {

    /** The lesson every channel check points to. */
    static final String LESSON = "course-notes/08-message-passing.md";


    private Channels() {
    }

    /** A new channel from the submission's provider. */
    static <T> Channel<T> fresh() {
        Channel<T> ch = Submission.provider(ChannelProvider.class).channel();
        check(ch != null && ch.sender() != null && ch.receiver() != null,
                () -> "channel() returned " + (ch == null ? "null" : "a channel with a null end")
                        + ": it must return a new sender and its receiver (M1)");
        return ch;
    }

    /**
     * Fails fast with the stub's "not yet implemented" if the channel is a stub: every check calls
     * it first, so a stub fails at once and earns nothing for the structure of code it lacks.
     */
    static void requireImplemented() {
        Channel<Object> ch = fresh();
        try {
            ch.receiver().tryRecv();
            ch.sender().send("probe");
        } catch (Unimplemented stub) {
            throw new AssertionFailedError(Safely.message(stub), stub);
        } catch (RuntimeException bug) {
            // a bug, not a stub: the checks report it
        }
    }

    /** A result as the feedback shows it, the submission's values through {@link Safely}. */
    static String show(Result<?, ?> r) {
        if (r == null) {
            return "null";
        }
        if (r instanceof Result.Ok<?, ?> ok) {
            return "Ok(" + Safely.show(ok.value()) + ")";
        }
        Object e = ((Result.Err<?, ?>) r).error();
        if (e instanceof SendError<?> se) {
            return "Err(SendError(" + Safely.show(se.value()) + "))";
        }
        if (e instanceof RecvError || e instanceof TryRecvError || e instanceof RecvTimeoutError) {
            return "Err(" + e + ")";
        }
        return "Err(" + Safely.show(e) + ")";
    }

    /** Whether {@code r} is {@code Ok(expected)}. */
    static boolean isOk(Result<?, ?> r, Object expected) {
        return r instanceof Result.Ok<?, ?> ok && java.util.Objects.equals(ok.value(), expected);
    }

    /** Whether {@code r} is {@code Err(expected)}. */
    static boolean isErr(Result<?, ?> r, Object expected) {
        return r instanceof Result.Err<?, ?> err && java.util.Objects.equals(err.error(), expected);
    }

    /** Milliseconds with one decimal, for feedback. */
    static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    static void check(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new AssertionFailedError(message.get());
        }
    }
}
