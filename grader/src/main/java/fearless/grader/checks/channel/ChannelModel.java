package fearless.grader.checks.channel;

import fearless.api.channel.Channel;
import fearless.api.channel.Sender;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The channel on one thread, as the property sees it: a queue of message numbers, which senders
 * (by label, in the order created) are open, whether the receiver is open, and the messages the
 * receiver's close dropped, in order. Obviously right: an {@code ArrayDeque} and two flags.
 */
final class ChannelModel {

    final ArrayDeque<Integer> buffer = new ArrayDeque<>();
    final List<Boolean> senderOpen = new ArrayList<>(List.of(true));
    boolean receiverOpen = true;
    final List<Integer> dropped = new ArrayList<>();

    boolean anySenderOpen() {
        return senderOpen.contains(true);
    }

    /** The submission's channel with its senders by label, and the log of messages closed. */
    static final class Real {
        final Channel<Numbered> channel = Channels.fresh();
        final List<Sender<Numbered>> senders = new ArrayList<>(List.of(channel.sender()));
        final List<Integer> dropped = new ArrayList<>();

        List<Integer> dropped() {
            synchronized (dropped) {
                return List.copyOf(dropped);
            }
        }

        /** Closes whatever is still open, so that nothing is left waiting. */
        void closeAll() {
            for (Sender<Numbered> s : senders) {
                try {
                    s.close();
                } catch (RuntimeException ignored) {
                    // the property already reported what matters
                }
            }
        }
    }

    /** A message with a number that logs its close to the channel's log. */
    static final class Numbered implements AutoCloseable {
        final int n;
        private final List<Integer> log;

        Numbered(int n, List<Integer> log) {
            this.n = n;
            this.log = log;
        }

        @Override
        public void close() {
            synchronized (log) {
                log.add(n);
            }
        }

        @Override
        public String toString() {
            return "m" + n;
        }
    }
}
