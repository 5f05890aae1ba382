package fearless.exercises.channel;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.channel.RecvError;
import fearless.api.channel.RecvTimeoutError;
import fearless.api.channel.Receiver;
import fearless.api.channel.TryRecvError;
import java.time.Duration;
import java.util.Iterator;

/**
 * Exercise {@code channel}: the one receiving end of Rust's {@code mpsc::channel()}. There is no
 * way to clone it (M8).
 *
 * <p>{@link #recv()} returns the oldest buffered message, waiting while none is there and a sender
 * is open (M3); once every sender is closed it still hands out what is buffered, then
 * {@code Err(RecvError)} (M4). {@link #tryRecv()} never waits: a message, {@code EMPTY} or
 * {@code DISCONNECTED} (M5). {@link #recvTimeout} waits at most its timeout: {@code TIMEOUT} only
 * once at least that long has passed, never an overflow for a huge timeout, no wait at all for a
 * zero or negative one (M6). The iterator waits per message and ends on disconnection;
 * {@link #tryIter()} gives only what is there now (M7). {@link #close()} makes later sends fail and
 * drops the buffered messages before it returns: each {@code AutoCloseable} one closed once, in the
 * order sent, all of them even if one throws, then the first failure thrown (M9). After
 * {@code close()}, every other method is E0382.
 *
 * <p>An interrupt does not end a wait: keep waiting, and set the thread's interrupt status again
 * before returning.
 *
 * <p>Hints:
 * <ul>
 *   <li>Wait in a {@code while} loop on the shared monitor: a wake-up only says that something
 *       changed. Look at the buffer before the sender count, so buffered messages come first.</li>
 *   <li>Whatever a waiting receiver may be waiting for (a message, the last sender closing) must
 *       end with {@code notifyAll()} under the same lock, or the receiver sleeps forever.</li>
 *   <li>{@code recvTimeout}: measure the time passed with {@code System.nanoTime()} and wait for
 *       what is left; {@code wait(0)} waits forever, and {@code Duration.toNanos()} overflows for a
 *       huge timeout.</li>
 *   <li>{@code wait()} throws {@code InterruptedException} and clears the status: remember it,
 *       keep waiting, and call {@code Thread.currentThread().interrupt()} on the way out.</li>
 *   <li>Close the dropped messages outside the lock: their {@code close()} is someone else's code.</li>
 * </ul>
 *
 * @param <T> the messages
 */
final class ChannelReceiver<T> implements Receiver<T> {

    private final ChannelState<T> state;

    ChannelReceiver(ChannelState<T> state) {
        this.state = state;
    }

    /** The next message, waiting while a sender is open (M3, M4). */
    @Override
    public Result<T, RecvError> recv() {
        throw new Unimplemented("channel", "course-notes/08-message-passing.md");
    }

    /** The next message if one is there now; never waits (M5). */
    @Override
    public Result<T, TryRecvError> tryRecv() {
        throw new Unimplemented("channel", "course-notes/08-message-passing.md");
    }

    /** As recv(), waiting at most {@code timeout} (M6). */
    @Override
    public Result<T, RecvTimeoutError> recvTimeout(Duration timeout) {
        throw new Unimplemented("channel", "course-notes/08-message-passing.md");
    }

    /** Waits per message, ends on disconnection (M7). */
    @Override
    public Iterator<T> iterator() {
        throw new Unimplemented("channel", "course-notes/08-message-passing.md");
    }

    /** The messages there now; never waits (M7). */
    @Override
    public Iterator<T> tryIter() {
        throw new Unimplemented("channel", "course-notes/08-message-passing.md");
    }

    /** Disconnects the senders and drops the buffered messages, in order (M2, M9). */
    @Override
    public void close() {
        throw new Unimplemented("channel", "course-notes/08-message-passing.md");
    }
}
