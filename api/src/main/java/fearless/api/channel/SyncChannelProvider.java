package fearless.api.channel;

/**
 * How the grader obtains a submission's bounded channels ({@code mpsc::sync_channel}). Register
 * the implementation in {@code META-INF/services/fearless.api.channel.SyncChannelProvider}.
 */
public interface SyncChannelProvider {

    /**
     * A new, empty channel that buffers at most {@code bound} messages: one open sender and its
     * receiver (M10). A bound of 0 makes it a rendezvous channel, with no buffer at all (M11).
     * {@link IllegalArgumentException} for a negative bound.
     */
    <T> SyncChannel<T> syncChannel(int bound);
}
