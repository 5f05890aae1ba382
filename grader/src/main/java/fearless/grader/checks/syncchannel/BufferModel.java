package fearless.grader.checks.syncchannel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounded channel as the property sees it, on one thread: a queue of at most {@code bound}
 * message names, which senders (by the order they were made) are open, whether the receiver is
 * open, and the names dropped so far.
 */
final class BufferModel {
    final int bound;
    final ArrayDeque<String> buffer = new ArrayDeque<>();
    final List<Boolean> senderOpen = new ArrayList<>(List.of(true));
    boolean receiverOpen = true;
    final List<String> dropped = new ArrayList<>();

    BufferModel(int bound) {
        this.bound = bound;
    }

    boolean anySenderOpen() {
        return senderOpen.contains(true);
    }
}
