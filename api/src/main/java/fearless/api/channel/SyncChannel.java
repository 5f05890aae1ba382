package fearless.api.channel;

/**
 * The two ends of a new bounded channel, Rust's {@code (SyncSender<T>, Receiver<T>)}.
 *
 * @param sender the first sender; clone it for more producers
 * @param receiver the one receiver
 * @param <T> the messages
 */
public record SyncChannel<T>(SyncSender<T> sender, Receiver<T> receiver) {
}
