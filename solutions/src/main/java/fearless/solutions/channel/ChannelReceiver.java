package fearless.solutions.channel;

import fearless.api.Result;
import fearless.api.channel.RecvError;
import fearless.api.channel.RecvTimeoutError;
import fearless.api.channel.Receiver;
import fearless.api.channel.TryRecvError;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The one receiving end of a channel. It has no clone (M8). Its iterators keep the message
 * {@code hasNext()} found until {@code next()} hands it over: the blocking one asks {@code recv()},
 * {@code tryIter()}'s asks {@code tryRecv()} (M7).
 *
 * @param <T> the messages
 */
final class ChannelReceiver<T> implements Receiver<T> {

    private final ChannelState<T> state;

    ChannelReceiver(ChannelState<T> state) {
        this.state = state;
    }

    @Override
    public Result<T, RecvError> recv() {
        return state.recv();
    }

    @Override
    public Result<T, TryRecvError> tryRecv() {
        return state.tryRecv();
    }

    @Override
    public Result<T, RecvTimeoutError> recvTimeout(Duration timeout) {
        return state.recvTimeout(timeout);
    }

    @Override
    public Iterator<T> iterator() {
        state.requireReceiverOpen();
        return new Messages<>(true, state);
    }

    @Override
    public Iterator<T> tryIter() {
        state.requireReceiverOpen();
        return new Messages<>(false, state);
    }

    @Override
    public void close() {
        state.closeReceiver();
    }

    /** The messages of a channel: waiting for each one ({@code iter()}) or only those there now ({@code try_iter()}). */
    private static final class Messages<T> implements Iterator<T> {
        private final boolean waits;
        private final ChannelState<T> state;
        private T next;

        Messages(boolean waits, ChannelState<T> state) {
            this.waits = waits;
            this.state = state;
        }

        @Override
        public boolean hasNext() {
            state.requireReceiverOpen();
            if (next != null) {
                return true;
            }
            Result<T, ?> r = waits ? state.recv() : state.tryRecv();
            if (r instanceof Result.Ok<T, ?> ok) {
                next = ok.value();
                return true;
            }
            return false;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("no message left");
            }
            T message = next;
            next = null;
            return message;
        }
    }
}
