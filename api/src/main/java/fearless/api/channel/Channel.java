package fearless.api.channel;

/**
 * The two ends of a new unbounded channel, Rust's {@code (Sender<T>, Receiver<T>)}.
 *
 * <pre>{@code
 * Channel<String> ch = channels.channel();   // let (tx, rx) = mpsc::channel();
 * Sender<String> tx = ch.sender();
 * Receiver<String> rx = ch.receiver();
 * }</pre>
 *
 * @param sender the first sender; clone it for more producers
 * @param receiver the one receiver
 * @param <T> the messages
 */
public record Channel<T>(Sender<T> sender, Receiver<T> receiver) {
}
