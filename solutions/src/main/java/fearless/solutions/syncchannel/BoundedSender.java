package fearless.solutions.syncchannel;

import fearless.api.OwnershipError;
import fearless.api.Result;
import fearless.api.channel.SendError;
import fearless.api.channel.SyncSender;
import fearless.api.channel.TrySendError;
import java.util.Objects;

/**
 * One sending end of a bounded channel. The channel does the work; the handle knows only whether
 * it is still open. Several threads may use one handle, so its {@code closed} flag is guarded by
 * the handle's own monitor, and closing counts down the channel's senders exactly once.
 *
 * @param <T> the messages
 */
final class BoundedSender<T> implements SyncSender<T> {

    private final BoundedChannel<T> channel;
    private boolean closed;

    BoundedSender(BoundedChannel<T> channel) {
        this.channel = channel;
    }

    @Override
    public Result<Void, SendError<T>> send(T value) {
        requireOpen("send");
        Objects.requireNonNull(value, "null is not a message");
        return channel.send(value);
    }

    @Override
    public Result<Void, TrySendError<T>> trySend(T value) {
        requireOpen("trySend");
        Objects.requireNonNull(value, "null is not a message");
        return channel.trySend(value);
    }

    @Override
    public SyncSender<T> cloneSender() {
        synchronized (this) {
            requireOpen("cloneSender");
            channel.addSender();
        }
        return new BoundedSender<>(channel);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        channel.dropSender();
    }

    private synchronized void requireOpen(String call) {
        if (closed) {
            throw OwnershipError.useAfterMove("SyncSender." + call + "() on a sender that was closed (dropped)");
        }
    }
}
