package fearless.api.channel;

/**
 * How the grader obtains a submission's unbounded channels ({@code mpsc::channel}). Register the
 * implementation in {@code META-INF/services/fearless.api.channel.ChannelProvider}.
 */
public interface ChannelProvider {

    /** A new, empty, unbounded channel: one open sender and its receiver (M1). */
    <T> Channel<T> channel();
}
