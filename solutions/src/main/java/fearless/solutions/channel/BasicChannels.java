package fearless.solutions.channel;

import fearless.api.channel.Channel;
import fearless.api.channel.ChannelProvider;

/** Hands the grader new channels: one shared state, its first sender and its receiver. */
public final class BasicChannels implements ChannelProvider {

    @Override
    public <T> Channel<T> channel() {
        ChannelState<T> state = new ChannelState<>();
        return new Channel<>(new ChannelSender<>(state), new ChannelReceiver<>(state));
    }
}
