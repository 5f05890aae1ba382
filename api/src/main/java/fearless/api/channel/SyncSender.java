package fearless.api.channel;

import fearless.api.Result;

/**
 * Rust's {@code mpsc::SyncSender<T>}: a sending end of a channel with a bounded buffer.
 *
 * <pre>{@code
 * SyncChannel<Integer> ch = channels.syncChannel(1);  // let (tx, rx) = mpsc::sync_channel(1);
 * ch.sender().send(1).unwrap();                       // fits
 * ch.sender().trySend(2);                             // Err(Full(2)): the buffer holds 1
 * }</pre>
 *
 * <p>Rules (see {@code course-notes/08-message-passing.md}):
 * <ul>
 *   <li>M10 {@link #send} blocks while the buffer is full; {@link #trySend} never blocks;</li>
 *   <li>M11 with a bound of 0, a send completes only together with a receive;</li>
 *   <li>M12 senders blocked in {@link #send} get their message back when the receiver is
 *       closed;</li>
 *   <li>M2, M3, M8 and M13 as for {@link Sender}.</li>
 * </ul>
 *
 * <p>{@link #close()} is Rust's drop. Senders may be used from any number of threads at once.
 *
 * @param <T> the messages
 */
public interface SyncSender<T> extends AutoCloseable {

    /**
     * Puts {@code value} into the channel, waiting while the buffer holds {@code bound} messages
     * (M10). On a rendezvous channel (bound 0) it returns only once the receiver has taken this
     * message (M11). One sender's messages arrive in the order sent. If the receiver is closed
     * before or while it waits, nothing is sent, and the error carries this very object back (M2,
     * M12). An interrupt does not end the wait: a thread interrupted while it sends keeps waiting,
     * and {@code send} returns with the thread's interrupt status set.
     * {@link NullPointerException} for {@code null}, and nothing is sent.
     * E0382 ({@link fearless.api.OwnershipError}) if this sender was closed.
     */
    Result<Void, SendError<T>> send(T value);

    /**
     * Sends {@code value} only if that needs no wait, and never blocks (M10): {@code Ok} if it was
     * buffered, or on a rendezvous channel taken by a receiver waiting in a receive (M11);
     * {@code Err(Full(value))} if the buffer is full, or on a rendezvous channel no receiver is
     * waiting; {@code Err(Disconnected(value))} if the receiver is closed. Either error carries this
     * very object back. {@link NullPointerException} for {@code null}. E0382 if this sender was
     * closed.
     */
    Result<Void, TrySendError<T>> trySend(T value);

    /**
     * Another sender into the same channel (Rust's {@code SyncSender::clone}): the receiver stays
     * connected while any of them is open (M8). E0382 if this sender was closed.
     */
    SyncSender<T> cloneSender();

    /**
     * Drops this sender. Closing the last open sender disconnects the receiver, and wakes it if it
     * waits (M3); closing one of several does not (M8). Does nothing on a sender already closed.
     */
    @Override
    void close();
}
