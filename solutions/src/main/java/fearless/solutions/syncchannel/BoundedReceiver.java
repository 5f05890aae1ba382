package fearless.solutions.syncchannel;

import fearless.api.OwnershipError;
import fearless.api.Result;
import fearless.api.channel.Receiver;
import fearless.api.channel.RecvError;
import fearless.api.channel.RecvTimeoutError;
import fearless.api.channel.TryRecvError;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The one receiving end of a bounded channel. One thread at a time uses it (Rust's receiver is
 * {@code Send}, not {@code Sync}), so its own {@code closed} flag needs no lock; the channel's
 * state does, and lives in {@link BoundedChannel}. There is no clone (M8).
 *
 * @param <T> the messages
 */
final class BoundedReceiver<T> implements Receiver<T> {

    private final BoundedChannel<T> channel;
    private boolean closed;

    BoundedReceiver(BoundedChannel<T> channel) {
        this.channel = channel;
    }

    @Override
    public Result<T, RecvError> recv() {
        requireOpen("recv");
        return channel.recv();
    }

    @Override
    public Result<T, TryRecvError> tryRecv() {
        requireOpen("tryRecv");
        T message = channel.poll();
        if (message != null) {
            return Result.ok(message);
        }
        return Result.err(channel.disconnected() ? TryRecvError.DISCONNECTED : TryRecvError.EMPTY);
    }

    @Override
    public Result<T, RecvTimeoutError> recvTimeout(Duration timeout) {
        requireOpen("recvTimeout");
        Objects.requireNonNull(timeout, "timeout");
        return channel.recvTimeout(nanos(timeout));
    }

    @Override
    public Iterator<T> iterator() {
        requireOpen("iterator");
        return new Messages(true);
    }

    @Override
    public Iterator<T> tryIter() {
        requireOpen("tryIter");
        return new Messages(false);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        BoundedChannel.drop(channel.closeReceiver());
    }

    private void requireOpen(String call) {
        if (closed) {
            throw OwnershipError.useAfterMove("Receiver." + call + "() on a receiver that was closed (dropped)");
        }
    }

    /** The timeout in nanoseconds; {@code Long.MAX_VALUE} (for ever) for one too long to count. */
    private static long nanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return timeout.isNegative() ? 0 : Long.MAX_VALUE;
        }
    }

    /** {@code rx.iter()} (waits per message) or {@code rx.try_iter()} (never waits). */
    private final class Messages implements Iterator<T> {
        private final boolean waits;
        private T next;

        Messages(boolean waits) {
            this.waits = waits;
        }

        @Override
        public boolean hasNext() {
            requireOpen("iterator().hasNext");
            if (next == null) {
                next = waits ? channel.recv().unwrapOr(null) : channel.poll();
            }
            return next != null;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no message: every sender is closed, or none is buffered now");
            }
            T message = next;
            next = null;
            return message;
        }
    }
}
