package fearless.solutions.channel;

import fearless.api.OwnershipError;
import fearless.api.Result;
import fearless.api.channel.SendError;
import fearless.api.channel.Sender;
import java.util.Objects;

/**
 * One sending end of a channel. Its own {@code closed} flag makes a second close do nothing: the
 * channel's count of open senders goes down once per sender, never twice (M8). The flag is guarded
 * by the channel's monitor, since a sender may be used from several threads at once.
 *
 * @param <T> the messages
 */
final class ChannelSender<T> implements Sender<T> {

    private final ChannelState<T> state;

    /** Whether this sender was closed (guarded by {@code state}). */
    private boolean closed;

    ChannelSender(ChannelState<T> state) {
        this.state = state;
    }

    @Override
    public Result<Void, SendError<T>> send(T value) {
        Objects.requireNonNull(value, "send(null): null is not a message");
        synchronized (state) {
            requireOpen();
            return state.send(value);
        }
    }

    @Override
    public Sender<T> cloneSender() {
        synchronized (state) {
            requireOpen();
            state.senderCloned();
            return new ChannelSender<>(state);
        }
    }

    @Override
    public void close() {
        synchronized (state) {
            if (closed) {
                return;
            }
            closed = true;
            state.senderClosed();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw OwnershipError.useAfterMove("the sender was closed (dropped)");
        }
    }
}
