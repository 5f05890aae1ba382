package fearless.api.channel;

/**
 * The error of a send that found the receiver gone: the message comes back to its sender, intact
 * (M2). Rust's {@code SendError(pub T)}.
 *
 * @param value the very message that was not sent
 * @param <T> the messages
 */
public record SendError<T>(T value) {

    @Override
    public String toString() {
        return "SendError { .. }";
    }
}
