package fearless.grader.checks.kit;

import fearless.api.channel.Channel;
import fearless.api.channel.ChannelProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The kit's {@link ChannelProvider}: Rust's {@code mpsc::channel} done right, recording every
 * channel it makes and every end of them: which threads sent or received through an end, whether
 * and by which thread it was closed, which sends were handed back
 * because the receiver was gone, and whether a receiver waits right now. A check learns from it
 * what the code that used the channels could not be trusted to say: which stage left its sender
 * open, which stage's thread received the last message.
 *
 * <p>Its channels are built on {@code java.util.concurrent.locks}, which the exercises forbid.
 */
public final class KitChannels implements ChannelProvider {

    /** Which end of a channel. */
    public enum Kind { SENDER, RECEIVER }

    /** What the kit knows of one end, as it is now. */
    public record End(int channel, Kind kind, Thread madeBy, Set<Thread> usedBy, Thread closedBy,
            long closedAt, boolean sawDisconnection) {

        /** Whether the end was closed. */
        public boolean closed() {
            return closedBy != null;
        }

        /** "the sender of channel #1", as feedback names it. */
        public String describe() {
            return "the " + kind.name().toLowerCase() + " of channel #" + (channel + 1);
        }
    }

    /** The record one end keeps of itself, shared with the channel that made it. */
    final class EndLog {
        private final int channel;
        private final Kind kind;
        private final Thread madeBy = Thread.currentThread();
        private final Set<Thread> users = ConcurrentHashMap.newKeySet();
        private final AtomicReference<Thread> closedBy = new AtomicReference<>();
        private volatile long closedAt;
        private volatile boolean disconnectionSeen;

        EndLog(int channel, Kind kind) {
            this.channel = channel;
            this.kind = kind;
        }

        void usedBy(Thread thread) {
            users.add(thread);
        }

        void sawDisconnection() {
            disconnectionSeen = true;
        }

        /** True the first time, when this call is the one that closes the end. */
        boolean markClosed() {
            if (!closedBy.compareAndSet(null, Thread.currentThread())) {
                return false;
            }
            closedAt = clock.incrementAndGet();
            return true;
        }

        void ensureOpen(String call) {
            if (closedBy.get() != null) {
                throw KitChannel.closedEnd(call);
            }
        }

        End snapshot() {
            return new End(channel, kind, madeBy, Set.copyOf(users), closedBy.get(), closedAt, disconnectionSeen);
        }
    }

    private final List<KitChannel<?>> made = new CopyOnWriteArrayList<>();
    private final List<EndLog> ends = new CopyOnWriteArrayList<>();
    private final Set<Thread> handedBack = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refusedSends = new AtomicInteger();
    private final AtomicInteger waitingNow = new AtomicInteger();
    private final AtomicLong clock = new AtomicLong();

    @Override
    public synchronized <T> Channel<T> channel() {
        int index = made.size();
        KitChannel<T> channel = new KitChannel<>(this, index);
        made.add(channel);
        return new Channel<>(channel.newSender(), channel.newReceiver());
    }

    /** Every end made so far, senders' clones included, in the order they were made. */
    public List<End> ends() {
        List<End> all = new ArrayList<>();
        for (EndLog end : ends) {
            all.add(end.snapshot());
        }
        return all;
    }

    /** The ends not closed yet. */
    public List<End> openEnds() {
        return ends().stream().filter(e -> !e.closed()).toList();
    }

    /** How many sends, on every channel, found the receiver gone and handed their message back. */
    public int refusedSends() {
        return refusedSends.get();
    }

    /** Whether a send made on {@code thread} has found its receiver gone. */
    public boolean sendRefusedOn(Thread thread) {
        return handedBack.contains(thread);
    }

    /** How many receivers wait for a message right now. */
    public int receiversWaiting() {
        return waitingNow.get();
    }

    /** Disconnects every channel made here: threads left waiting on them after a failed check can end. */
    public void severAll() {
        for (KitChannel<?> channel : made) {
            channel.sever();
        }
    }

    EndLog record(int channel, Kind kind) {
        EndLog end = new EndLog(channel, kind);
        ends.add(end);
        return end;
    }

    void sendFailed(int channel, Thread thread) {
        refusedSends.incrementAndGet();
        handedBack.add(thread);
    }

    void waiting(int change) {
        waitingNow.addAndGet(change);
    }
}
