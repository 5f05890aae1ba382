package fearless.api.channel;

import fearless.api.Result;
import java.time.Duration;
import java.util.Iterator;

/**
 * Rust's {@code mpsc::Receiver<T>}: the one receiving end of a channel, unbounded or bounded.
 *
 * <pre>{@code
 * for (String msg : rx) {           // for msg in rx {
 *     System.out.println(msg);      //     println!("{msg}");
 * }                                 // } ends once every sender is gone
 * }</pre>
 *
 * <p>Rules (see {@code course-notes/08-message-passing.md}):
 * <ul>
 *   <li>M3 {@link #recv()} waits while any sender is open;</li>
 *   <li>M4 messages sent before the senders closed are still delivered, then disconnection;</li>
 *   <li>M5 {@link #tryRecv()} never waits;</li>
 *   <li>M6 {@link #recvTimeout} waits at most its timeout;</li>
 *   <li>M7 iterating waits per message and ends on disconnection; {@link #tryIter()} never
 *       waits;</li>
 *   <li>M8 there is one receiver: it has no clone;</li>
 *   <li>M9 closing the receiver drops every buffered message.</li>
 * </ul>
 *
 * <p>As in Rust, where a receiver is {@code Send} but not {@code Sync}, one thread at a time uses
 * it: hand it to another thread, do not share it. An interrupt does not end a wait in
 * {@link #recv()}, {@link #recvTimeout} or the blocking iterator: the thread keeps waiting, and
 * the call returns with the thread's interrupt status set. Every method of a closed receiver, and
 * of its iterators, is E0382 ({@link fearless.api.OwnershipError}), except {@link #close()}.
 *
 * @param <T> the messages
 */
public interface Receiver<T> extends Iterable<T>, AutoCloseable {

    /**
     * The next message, as {@code Ok(message)}, waiting while none is buffered and any sender is
     * open (M3). {@code Err(RecvError)} once none is buffered and every sender is closed: the
     * messages sent before the last sender closed come first (M4).
     */
    Result<T, RecvError> recv();

    /**
     * The next message if one is buffered now, and never waits (M5): {@code Ok(message)};
     * {@code Err(EMPTY)} if none is buffered and a sender is open; {@code Err(DISCONNECTED)} if none
     * is buffered and every sender is closed, and from then on always.
     */
    Result<T, TryRecvError> tryRecv();

    /**
     * Like {@link #recv()}, waiting at most {@code timeout} (M6): {@code Ok(message)};
     * {@code Err(TIMEOUT)} when at least {@code timeout} has passed with no message and a sender
     * open; {@code Err(DISCONNECTED)} once none is buffered and every sender is closed. A zero or
     * negative timeout does not wait. A huge timeout, up to {@code Duration.ofSeconds(Long.MAX_VALUE)},
     * does not overflow: it waits as {@link #recv()} does. {@link NullPointerException} for
     * {@code null}.
     */
    Result<T, RecvTimeoutError> recvTimeout(Duration timeout);

    /**
     * Rust's {@code rx.iter()}: {@code hasNext()} waits as {@link #recv()} does, and is
     * {@code false} once every sender is closed and no message is left (M7); {@code next()} then
     * throws {@link java.util.NoSuchElementException}.
     */
    @Override
    Iterator<T> iterator();

    /**
     * Rust's {@code rx.try_iter()}: the messages buffered now, and never waits (M7):
     * {@code hasNext()} is {@code false} as soon as none is buffered, even while senders are open;
     * {@code next()} then throws {@link java.util.NoSuchElementException}.
     */
    Iterator<T> tryIter();

    /**
     * Drops the receiver. From then on every send fails and hands its message back (M2), and
     * senders waiting in a bounded channel's send are released with theirs (M12). Every message
     * still buffered is dropped before {@code close} returns (M9): each one that is
     * {@link AutoCloseable} is closed once, in the order it was sent. If closing a message throws,
     * the others are still closed, then {@code close} throws the first failure (a checked exception
     * wrapped in a {@link fearless.api.Panic}). Does nothing on a receiver already closed.
     */
    @Override
    void close();
}
