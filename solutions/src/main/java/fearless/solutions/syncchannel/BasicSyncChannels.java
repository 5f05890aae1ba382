package fearless.solutions.syncchannel;

import fearless.api.Unimplemented;
import fearless.api.channel.SyncChannel;
import fearless.api.channel.SyncChannelProvider;

/** TODO(scaffold): the provider of the bounded channel. */
public final class BasicSyncChannels implements SyncChannelProvider {

    @Override
    public <T> SyncChannel<T> syncChannel(int bound) {
        throw new Unimplemented("sync-channel", "course-notes/08-message-passing.md");
    }
}
