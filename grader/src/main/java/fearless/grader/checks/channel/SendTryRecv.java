package fearless.grader.checks.channel;

import fearless.api.Result;
import fearless.api.channel.Channel;
import fearless.api.channel.ChannelProvider;
import fearless.api.channel.Receiver;
import fearless.api.channel.Sender;
import fearless.api.channel.TryRecvError;
import fearless.grader.check.Submission;

/**
 * Two senders (a sender and its clone) and one receiver, as the model checker drives them: the
 * senders send on their own threads, the receiver's tryRecv runs on one thread only (one thread
 * at a time uses a receiver). Run one after the other, the operations are a queue: so any
 * concurrent run whose results no order explains shows a message lost, duplicated or out of order
 * (M1, M13), or a tryRecv that answered wrong (M5).
 *
 * <p>The channel is created in a field initializer through the provider's method, inside the code
 * the model checker instruments.
 */
public final class SendTryRecv {

    private final Channel<Integer> channel = Submission.provider(ChannelProvider.class).channel();
    private final Sender<Integer> first = channel.sender();
    private final Sender<Integer> second = first.cloneSender();
    private final Receiver<Integer> receiver = channel.receiver();

    /** The first sender sends 1; returns 0 if sent. */
    public int send1() {
        return first.send(1).isOk() ? 0 : -1;
    }

    /** The first sender sends 2; returns 0 if sent. */
    public int send2() {
        return first.send(2).isOk() ? 0 : -1;
    }

    /** The clone sends 3; returns 0 if sent. */
    public int send3() {
        return second.send(3).isOk() ? 0 : -1;
    }

    /** The clone sends 4; returns 0 if sent. */
    public int send4() {
        return second.send(4).isOk() ? 0 : -1;
    }

    /** The message received, -1 for EMPTY, -2 for DISCONNECTED. */
    public int tryRecv() {
        Result<Integer, TryRecvError> r = receiver.tryRecv();
        if (r instanceof Result.Ok<Integer, TryRecvError> ok) {
            return ok.value();
        }
        return ((Result.Err<Integer, TryRecvError>) r).error() == TryRecvError.EMPTY ? -1 : -2;
    }
}
