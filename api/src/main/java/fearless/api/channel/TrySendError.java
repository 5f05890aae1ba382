package fearless.api.channel;

/**
 * Why {@link SyncSender#trySend} sent nothing; either way the message comes back, intact (M10).
 *
 * @param <T> the messages
 */
public sealed interface TrySendError<T> permits TrySendError.Full, TrySendError.Disconnected {

    /** The very message that was not sent. */
    T value();

    /** The buffer is full, or a rendezvous channel's receiver is not waiting (M10, M11). */
    record Full<T>(T value) implements TrySendError<T> {
        @Override
        public String toString() {
            return "Full(..)";
        }
    }

    /** The receiver is gone (M2). */
    record Disconnected<T>(T value) implements TrySendError<T> {
        @Override
        public String toString() {
            return "Disconnected(..)";
        }
    }
}
