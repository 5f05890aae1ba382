package fearless.api.channel;

/** Why {@link Receiver#tryRecv()} returned no message (M5). */
public enum TryRecvError {
    /** Nothing is buffered now, and a sender is still open. */
    EMPTY,
    /** Nothing is buffered, and every sender is gone: nothing will ever come. */
    DISCONNECTED
}
