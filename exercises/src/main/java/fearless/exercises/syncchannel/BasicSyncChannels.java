package fearless.exercises.syncchannel;

import fearless.api.channel.SyncChannel;
import fearless.api.channel.SyncChannelProvider;

/**
 * How the grader makes your bounded channels. One thing to add here: a negative bound is an
 * {@link IllegalArgumentException} (a bound of 0 is a rendezvous, and valid).
 */
public final class BasicSyncChannels implements SyncChannelProvider {

    @Override
    public <T> SyncChannel<T> syncChannel(int bound) {
        BoundedChannel<T> channel = new BoundedChannel<>(bound);
        return new SyncChannel<>(new BoundedSender<>(channel), new BoundedReceiver<>(channel));
    }
}
