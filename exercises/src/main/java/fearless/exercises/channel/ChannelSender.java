package fearless.exercises.channel;

import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.channel.SendError;
import fearless.api.channel.Sender;

/**
 * Exercise {@code channel}: one sending end of Rust's {@code mpsc::channel()}.
 *
 * <p>{@link #send} never waits (M1): it puts the message at the end of the shared buffer, wakes
 * the receiver, and returns {@code Ok}. If the receiver is closed it sends nothing and returns
 * {@code Err(new SendError<>(value))} with the very object it was given (M2). A {@code null} message
 * is a {@code NullPointerException}, and nothing is sent. {@link #cloneSender()} is another sender
 * into the same channel (M8); {@link #close()} drops this one: closing the last open sender
 * disconnects the receiver and wakes it (M3), and a second close of the same sender does nothing.
 * Any other use of a closed sender is E0382 ({@code OwnershipError.useAfterMove}).
 *
 * <p>Hints:
 * <ul>
 *   <li>Senders are used from many threads at once: every look at the shared state, and every
 *       change to it, happens inside {@code synchronized} on the one shared object (M13).</li>
 *   <li>Count open senders, and give each sender its own "closed" flag, so that closing it twice
 *       counts once.</li>
 *   <li>Deciding "the receiver is open" and adding the message must be one step under the lock,
 *       or a receiver closing in between loses the message.</li>
 * </ul>
 *
 * @param <T> the messages
 */
final class ChannelSender<T> implements Sender<T> {

    private final ChannelState<T> state;

    ChannelSender(ChannelState<T> state) {
        this.state = state;
    }

    /** Buffers {@code value} and returns Ok at once (M1), or hands it back if the receiver is closed (M2). */
    @Override
    public Result<Void, SendError<T>> send(T value) {
        throw new Unimplemented("channel", "course-notes/08-message-passing.md");
    }

    /** Another sender into the same channel (M8). */
    @Override
    public Sender<T> cloneSender() {
        throw new Unimplemented("channel", "course-notes/08-message-passing.md");
    }

    /** Drops this sender, once; the last one disconnects and wakes the receiver (M3). */
    @Override
    public void close() {
        throw new Unimplemented("channel", "course-notes/08-message-passing.md");
    }
}
