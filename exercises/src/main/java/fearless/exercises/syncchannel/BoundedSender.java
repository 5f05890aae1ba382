package fearless.exercises.syncchannel;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.channel.SendError;
import fearless.api.channel.SyncSender;
import fearless.api.channel.TrySendError;

/**
 * One sending end of a bounded channel, Rust's {@code SyncSender<T>}. Any number of threads may
 * use one sender at once; each clone counts as one more open sender (M8), and closing the last one
 * disconnects the receiver (M3). A closed sender is a moved value: every call but {@code close()}
 * is E0382, and {@code close()} again does nothing.
 *
 * @param <T> the messages
 */
final class BoundedSender<T> implements SyncSender<T> {

    // Suggested state: the shared BoundedChannel, and whether this handle is closed.
    private final BoundedChannel<T> channel;

    BoundedSender(BoundedChannel<T> channel) {
        this.channel = channel;
    }

    /**
     * Waits while the buffer is full (M10); on a rendezvous, until the receiver took this very
     * message (M11); gives the very object back if the receiver is closed before or while it waits
     * (M2, M12). NullPointerException for null. Interrupts do not end the wait.
     */
    @Override
    public Result<Void, SendError<T>> send(T value) {
        throw new Unimplemented("sync-channel", "course-notes/08-message-passing.md");
    }

    /** Never waits: Ok, Full(value) or Disconnected(value) (M10, M11). */
    @Override
    public Result<Void, TrySendError<T>> trySend(T value) {
        throw new Unimplemented("sync-channel", "course-notes/08-message-passing.md");
    }

    /** One more open sender into the same channel (M8). */
    @Override
    public SyncSender<T> cloneSender() {
        throw new Unimplemented("sync-channel", "course-notes/08-message-passing.md");
    }

    /** Drops this sender; the last one disconnects the receiver and wakes it (M3). */
    @Override
    public void close() {
        throw new Unimplemented("sync-channel", "course-notes/08-message-passing.md");
    }
}
