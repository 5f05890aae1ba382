package fearless.exercises.syncchannel;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.channel.Receiver;
import fearless.api.channel.RecvError;
import fearless.api.channel.RecvTimeoutError;
import fearless.api.channel.TryRecvError;
import java.time.Duration;
import java.util.Iterator;

/**
 * The one receiving end of a bounded channel, Rust's {@code Receiver<T>}: the same contract as the
 * unbounded channel's receiver (M3-M9), plus what a bound adds: each message taken frees room, so
 * it must wake the senders waiting for room, or for that very message on a rendezvous (M10, M11);
 * closing it releases the waiting senders with their messages (M12) and drops what is buffered
 * (M9). There is no clone (M8).
 *
 * @param <T> the messages
 */
final class BoundedReceiver<T> implements Receiver<T> {

    // Suggested state: the shared BoundedChannel, and whether this receiver is closed.
    private final BoundedChannel<T> channel;

    BoundedReceiver(BoundedChannel<T> channel) {
        this.channel = channel;
    }

    /** The next message, waiting while none is buffered and a sender is open (M3, M4). */
    @Override
    public Result<T, RecvError> recv() {
        throw new Unimplemented("sync-channel", "course-notes/08-message-passing.md");
    }

    /** The next message if one is there now, never waiting (M5). */
    @Override
    public Result<T, TryRecvError> tryRecv() {
        throw new Unimplemented("sync-channel", "course-notes/08-message-passing.md");
    }

    /** As recv(), waiting at most {@code timeout} (M6). */
    @Override
    public Result<T, RecvTimeoutError> recvTimeout(Duration timeout) {
        throw new Unimplemented("sync-channel", "course-notes/08-message-passing.md");
    }

    /** Waits per message, ends on disconnection (M7). */
    @Override
    public Iterator<T> iterator() {
        throw new Unimplemented("sync-channel", "course-notes/08-message-passing.md");
    }

    /** The messages buffered now, never waiting (M7). */
    @Override
    public Iterator<T> tryIter() {
        throw new Unimplemented("sync-channel", "course-notes/08-message-passing.md");
    }

    /** Releases waiting senders with their messages (M12), drops the buffered messages (M9). */
    @Override
    public void close() {
        throw new Unimplemented("sync-channel", "course-notes/08-message-passing.md");
    }
}
