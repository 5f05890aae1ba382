package fearless.solutions.channel;

import fearless.api.OwnershipError;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.channel.RecvError;
import fearless.api.channel.RecvTimeoutError;
import fearless.api.channel.SendError;
import fearless.api.channel.TryRecvError;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the senders and the receiver of one channel share: the buffered messages, the number of
 * open senders and whether the receiver is open, all guarded by this object's monitor.
 *
 * <p>Why it is built this way: every question a waiter asks ("is a message there? is a sender
 * left?") and every change that answers it happen under the same lock, and every change a waiter
 * may be waiting for ends with {@code notifyAll()}, so a wake-up is never lost (M3). A waiter
 * waits in a loop, since being woken says only that something changed. Messages leave the buffer
 * before disconnection is reported (M4). The receiver drops what is left outside the lock: a
 * message's own {@code close()} is foreign code and must not run while senders wait for the lock.
 *
 * @param <T> the messages
 */
final class ChannelState<T> {

    private final ArrayDeque<T> buffer = new ArrayDeque<>();

    /** Senders not yet closed, clones included. */
    private int senders = 1;

    /** Whether the receiver is still open. */
    private boolean receiverOpen = true;

    /** A new sender into this channel (M8). */
    synchronized void senderCloned() {
        senders++;
    }

    /** One sender closed; the last one disconnects the receiver and wakes it (M3). */
    synchronized void senderClosed() {
        senders--;
        if (senders == 0) {
            notifyAll();
        }
    }

    synchronized Result<Void, SendError<T>> send(T value) {
        if (!receiverOpen) {
            return Result.err(new SendError<>(value)); // the very object comes back (M2)
        }
        buffer.addLast(value);
        notifyAll();
        return Result.ok(null);
    }

    synchronized Result<T, RecvError> recv() {
        requireReceiverOpen();
        boolean interrupted = false;
        try {
            while (buffer.isEmpty() && senders > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting; the status is set again on the way out
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (buffer.isEmpty()) {
            return Result.err(new RecvError());
        }
        return Result.ok(buffer.pollFirst());
    }

    synchronized Result<T, TryRecvError> tryRecv() {
        requireReceiverOpen();
        if (!buffer.isEmpty()) {
            return Result.ok(buffer.pollFirst());
        }
        return Result.err(senders > 0 ? TryRecvError.EMPTY : TryRecvError.DISCONNECTED);
    }

    Result<T, RecvTimeoutError> recvTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "recvTimeout(null)");
        long start = System.nanoTime();
        long total = nanos(timeout);
        synchronized (this) {
            requireReceiverOpen();
            boolean interrupted = false;
            try {
                while (buffer.isEmpty() && senders > 0) {
                    long left = total - (System.nanoTime() - start); // elapsed time never overflows
                    if (left <= 0) {
                        return Result.err(RecvTimeoutError.TIMEOUT);
                    }
                    try {
                        wait(left / 1_000_000, (int) (left % 1_000_000));
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (buffer.isEmpty()) {
                return Result.err(RecvTimeoutError.DISCONNECTED);
            }
            return Result.ok(buffer.pollFirst());
        }
    }

    /**
     * Closes the receiver: later sends fail (M2), and the messages still buffered are dropped, in
     * the order they were sent, before this returns (M9). Does nothing the second time.
     */
    void closeReceiver() {
        List<T> dropped;
        synchronized (this) {
            if (!receiverOpen) {
                return;
            }
            receiverOpen = false;
            dropped = new ArrayList<>(buffer);
            buffer.clear();
        }
        Throwable first = null;
        for (T message : dropped) {
            if (message instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Throwable e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
        }
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
        if (first != null) {
            Panic panic = new Panic("closing a message dropped with the receiver failed: " + first, first);
            panic.initCause(first);
            throw panic;
        }
    }

    /** E0382 once the receiver is closed. */
    synchronized void requireReceiverOpen() {
        if (!receiverOpen) {
            throw OwnershipError.useAfterMove("the receiver was closed (dropped)");
        }
    }

    /** The timeout in nanoseconds; a huge one saturates instead of overflowing (M6). */
    private static long nanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return timeout.isNegative() ? 0 : Long.MAX_VALUE;
        }
    }
}
