package fearless.api.channel;

/** The error of {@link Receiver#recv()}: the buffer is empty and every sender is gone (M3). */
public record RecvError() {

    @Override
    public String toString() {
        return "RecvError";
    }
}
