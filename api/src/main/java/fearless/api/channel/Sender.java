package fearless.api.channel;

import fearless.api.Result;

/**
 * Rust's {@code mpsc::Sender<T>}: a sending end of an unbounded channel.
 *
 * <pre>{@code
 * try (Sender<String> tx2 = tx.cloneSender()) {     // let tx2 = tx.clone();
 *     tx2.send("hi").unwrap();                       // tx2.send(String::from("hi")).unwrap();
 * }                                                  // drop(tx2)
 * }</pre>
 *
 * <p>Rules (see {@code course-notes/08-message-passing.md}):
 * <ul>
 *   <li>M1 {@link #send} never blocks, and one sender's messages arrive in the order sent;</li>
 *   <li>M2 a send after the receiver is gone hands the message back;</li>
 *   <li>M3 the receiver is disconnected once every sender, clones included, is closed;</li>
 *   <li>M8 senders clone; closing one clone does not disconnect;</li>
 *   <li>M13 with many senders, every message is received exactly once.</li>
 * </ul>
 *
 * <p>{@link #close()} is Rust's drop. Senders may be used from any number of threads at once.
 *
 * @param <T> the messages
 */
public interface Sender<T> extends AutoCloseable {

    /**
     * Puts {@code value} into the channel and returns {@code Ok} at once, without waiting for the
     * receiver (M1). If the receiver is closed, nothing is sent, and the error carries this very
     * object back (M2). {@link NullPointerException} for {@code null}, and nothing is sent.
     * E0382 ({@link fearless.api.OwnershipError}) if this sender was closed.
     */
    Result<Void, SendError<T>> send(T value);

    /**
     * Another sender into the same channel (Rust's {@code Sender::clone}): the receiver stays
     * connected while any of them is open (M8). E0382 if this sender was closed.
     */
    Sender<T> cloneSender();

    /**
     * Drops this sender. Closing the last open sender of the channel disconnects the receiver, and
     * wakes it if it waits (M3); closing one of several does not (M8). Does nothing on a sender
     * already closed: a second close never counts twice.
     */
    @Override
    void close();
}
