package fearless.api.channel;

/** Why {@link Receiver#recvTimeout} returned no message (M6). */
public enum RecvTimeoutError {
    /** The time ran out while a sender was still open. */
    TIMEOUT,
    /** Nothing is buffered, and every sender is gone. */
    DISCONNECTED
}
