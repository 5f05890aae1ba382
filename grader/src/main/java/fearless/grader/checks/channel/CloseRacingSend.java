package fearless.grader.checks.channel;

import fearless.api.Result;
import fearless.api.channel.Channel;
import fearless.api.channel.ChannelProvider;
import fearless.api.channel.SendError;
import fearless.grader.check.Submission;

/**
 * A send racing the receiver's close, as the model checker drives them. Run one after the other,
 * either the send comes first (the message is sent, and the close drops it before it returns) or
 * the close does (the send hands the message back, and nothing drops it). So a run in which the
 * send succeeded but the message was never dropped lost it (M9), one in which it came back and
 * was dropped too dropped a message its sender owns (M2).
 *
 * <p>The channel is created in a field initializer through the provider's method, inside the code
 * the model checker instruments.
 */
public final class CloseRacingSend {

    private final Channel<Tracked> channel = Submission.provider(ChannelProvider.class).channel();
    private final Tracked a = new Tracked();
    private final Tracked b = new Tracked();

    /** Sends message a: "sent", "handed back", or what else came back. */
    public String sendA() {
        return send(a);
    }

    /** Sends message b. */
    public String sendB() {
        return send(b);
    }

    private String send(Tracked m) {
        Result<Void, SendError<Tracked>> r = channel.sender().send(m);
        if (r.isOk()) {
            return "sent";
        }
        SendError<Tracked> e = r.unwrapErr();
        return e != null && e.value() == m ? "handed back" : "handed back something else";
    }

    /** Closes the receiver; returns how many times a and b had been closed when it returned. */
    public String closeReceiver() {
        channel.receiver().close();
        return "a closed " + a.closes + "x, b closed " + b.closes + "x";
    }

    /** How many times each message was closed, in the end. */
    public String drops() {
        return "a closed " + a.closes + "x, b closed " + b.closes + "x";
    }

    /** A message that counts its closes. */
    static final class Tracked implements AutoCloseable {
        private int closes;

        @Override
        public void close() {
            closes++;
        }

        @Override
        public String toString() {
            return "message";
        }
    }
}
