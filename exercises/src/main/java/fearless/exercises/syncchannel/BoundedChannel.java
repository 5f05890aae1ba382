package fearless.exercises.syncchannel;

/**
 * Exercise {@code sync-channel}: the state every end of one bounded channel shares, Rust's
 * {@code mpsc::sync_channel(bound)}. Read {@code course-notes/08-message-passing.md}, sections 6,
 * 7 and 9, first.
 *
 * <p>Build it from one Java monitor ({@code synchronized}, {@code wait}, {@code notifyAll}) and a
 * plain {@code java.util.ArrayDeque}. The queues, locks and synchronizers of
 * {@code java.util.concurrent} are off limits, and so is {@code Thread.sleep}: the point is to
 * build the blocking yourself.
 *
 * <p>What the channel must do:
 * <ul>
 *   <li>M10: a send waits while {@code bound} messages are buffered; trySend never waits, and
 *       answers Full or Disconnected with the very message back;</li>
 *   <li>M11: with a bound of 0 there is no buffer: a send returns only once the receiver has taken
 *       that very message, and trySend succeeds only if the receiver is waiting in a receive and
 *       nothing is on its way to it yet;</li>
 *   <li>M12: closing the receiver releases every sender waiting in send, each with its own
 *       message back;</li>
 *   <li>M2, M3, M4, M5, M8, M9, M13: as for the unbounded channel (section 8 of the lesson).</li>
 * </ul>
 *
 * <p>Hints:
 * <ul>
 *   <li>Suggested state, all guarded by one monitor: the buffer, the number of open senders,
 *       whether the receiver is open. For the rendezvous, number the messages: how many were put
 *       in, how many were taken out; a sender knows its message was taken when the second count
 *       reaches its number.</li>
 *   <li>Senders waiting for room and the receiver waiting for a message wait on the same monitor:
 *       wake them all ({@code notifyAll}) whenever something they wait for may have changed, and
 *       wait in a {@code while} loop on the condition, never an {@code if}.</li>
 *   <li>An interrupt must not end a wait: note it, keep waiting, and set the thread's interrupt
 *       status again before returning.</li>
 *   <li>Close the dropped messages (M9) outside the monitor, in the order they were sent.</li>
 * </ul>
 *
 * @param <T> the messages
 */
final class BoundedChannel<T> {

    private final int bound;

    BoundedChannel(int bound) {
        this.bound = bound;
    }

    /** The bound this channel was made with. */
    int bound() {
        return bound;
    }
}
