package fearless.exercises.channel;

import fearless.api.channel.Channel;
import fearless.api.channel.ChannelProvider;

/** How the grader gets your channels: one shared state, its first sender and its receiver. Nothing to do here. */
public final class BasicChannels implements ChannelProvider {

    @Override
    public <T> Channel<T> channel() {
        ChannelState<T> state = new ChannelState<>();
        return new Channel<>(new ChannelSender<>(state), new ChannelReceiver<>(state));
    }
}
