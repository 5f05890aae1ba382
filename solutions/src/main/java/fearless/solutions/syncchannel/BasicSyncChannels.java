package fearless.solutions.syncchannel;

import fearless.api.channel.SyncChannel;
import fearless.api.channel.SyncChannelProvider;

/** The provider of the bounded channels: one shared state, one sender and the receiver over it. */
public final class BasicSyncChannels implements SyncChannelProvider {

    @Override
    public <T> SyncChannel<T> syncChannel(int bound) {
        if (bound < 0) {
            throw new IllegalArgumentException("a channel's bound cannot be negative: " + bound);
        }
        BoundedChannel<T> channel = new BoundedChannel<>(bound);
        return new SyncChannel<>(new BoundedSender<>(channel), new BoundedReceiver<>(channel));
    }
}
