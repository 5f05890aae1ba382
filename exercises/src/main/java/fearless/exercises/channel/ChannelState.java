package fearless.exercises.channel;

/**
 * What the senders and the receiver of one channel share. Suggested state, all guarded by this
 * object's monitor ({@code synchronized}, {@code wait}, {@code notifyAll}): an
 * {@code ArrayDeque<T>} of the buffered messages, the number of senders still open (one at the
 * start), and whether the receiver is still open. Put here the methods the two ends call: they
 * all look at or change this state, so they all take the same lock.
 *
 * <p>Read {@code course-notes/08-message-passing.md}, section 8, first.
 *
 * @param <T> the messages
 */
final class ChannelState<T> {

    // Suggested state: private final ArrayDeque<T> buffer; private int senders = 1;
    // private boolean receiverOpen = true; all guarded by this object's monitor.
}
