package fearless.solutions.syncchannel;

import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.channel.RecvError;
import fearless.api.channel.RecvTimeoutError;
import fearless.api.channel.SendError;
import fearless.api.channel.TryRecvError;
import fearless.api.channel.TrySendError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The state every end of one bounded channel shares, under one monitor: this object. Senders and
 * the receiver call its {@code synchronized} methods, wait on it and wake each other with
 * {@code notifyAll}.
 *
 * <p>Why it is built this way. A buffer of at most {@code bound} messages (M10); a count of open
 * senders, so the receiver knows when nothing more can come (M3, M8); a flag for the receiver, so
 * senders know when to give up (M2, M12). Every wait is a {@code while} loop on its condition,
 * since a wake-up says only that something changed, and every change wakes every waiter
 * ({@code notifyAll}): senders waiting for room and the receiver waiting for a message wait on the
 * same monitor, so a single {@code notify} could wake the wrong one.
 *
 * <p>A rendezvous (bound 0) has a hand-off slot instead of a buffer: a sender puts its message
 * there once the slot is free, and then waits until the receiver has taken that very message
 * (M11). Messages are numbered: {@code sent} counts the messages put in, {@code taken} those
 * taken out, so a sender whose message was the {@code n}th knows it was taken once
 * {@code taken >= n}. If the receiver closes first, the sender takes its own message back out of
 * the slot (M12). {@code trySend} on a rendezvous succeeds only when the receiver waits in a
 * receive and the slot is free: the receiver then takes the message before it looks at its
 * timeout, so a message handed over is never lost.
 *
 * <p>Interrupts do not end a wait: the thread notes the interrupt, keeps waiting, and sets its
 * interrupt status again before it returns.
 *
 * @param <T> the messages
 */
final class BoundedChannel<T> {

    private final int bound;
    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private int senders = 1;
    private boolean receiverOpen = true;

    /** Messages put into the channel so far, and messages the receiver took (a rendezvous's tickets). */
    private long sent;
    private long taken;

    /** Whether the receiver waits in a receive and no message is on its way to it yet (bound 0). */
    private boolean receiverWaiting;

    /** Whether the rendezvous slot holds the message of a sender still waiting in send (bound 0). */
    private boolean slotOfBlockedSender;

    BoundedChannel(int bound) {
        this.bound = bound;
    }

    // ---- senders ----

    synchronized void addSender() {
        senders++;
    }

    synchronized void dropSender() {
        senders--;
        if (senders == 0) {
            notifyAll(); // the receiver may wait for a message that will never come (M3)
        }
    }

    synchronized Result<Void, SendError<T>> send(T value) {
        boolean interrupted = false;
        try {
            while (receiverOpen && buffer.size() >= capacity()) {
                interrupted |= await();
            }
            if (!receiverOpen) {
                return Result.err(new SendError<>(value)); // M2, M12: the very object comes back
            }
            buffer.addLast(value);
            long ticket = ++sent;
            notifyAll();
            if (bound > 0) {
                return Result.ok(null);
            }
            slotOfBlockedSender = true;
            while (receiverOpen && taken < ticket) {
                interrupted |= await();
            }
            if (taken < ticket) {
                buffer.removeLast(); // the receiver closed before it took it: take it back (M12)
                slotOfBlockedSender = false;
                return Result.err(new SendError<>(value));
            }
            return Result.ok(null);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    synchronized Result<Void, TrySendError<T>> trySend(T value) {
        if (!receiverOpen) {
            return Result.err(new TrySendError.Disconnected<>(value));
        }
        boolean room = bound > 0 ? buffer.size() < bound : receiverWaiting && buffer.isEmpty();
        if (!room) {
            return Result.err(new TrySendError.Full<>(value));
        }
        buffer.addLast(value);
        sent++;
        receiverWaiting = false;
        notifyAll();
        return Result.ok(null);
    }

    /** How many messages may wait in the buffer: the bound, or the one slot of a rendezvous. */
    private int capacity() {
        return Math.max(bound, 1);
    }

    // ---- the receiver ----

    /** The next message, or {@code null} if none is buffered now. */
    synchronized T poll() {
        T message = buffer.pollFirst();
        if (message != null) {
            taken++;
            slotOfBlockedSender = false;
            notifyAll(); // a sender may wait for room, or for this very message to be taken (M10, M11)
        }
        return message;
    }

    synchronized boolean disconnected() {
        return buffer.isEmpty() && senders == 0;
    }

    synchronized Result<T, RecvError> recv() {
        T message = awaitMessage(Long.MAX_VALUE);
        return message != null ? Result.ok(message) : Result.err(new RecvError());
    }

    synchronized Result<T, RecvTimeoutError> recvTimeout(long nanos) {
        T message = awaitMessage(nanos);
        if (message != null) {
            return Result.ok(message);
        }
        return Result.err(senders == 0 ? RecvTimeoutError.DISCONNECTED : RecvTimeoutError.TIMEOUT);
    }

    /**
     * Waits at most {@code nanos} ({@code Long.MAX_VALUE}: for ever) for a message while a sender
     * is open; the message, or {@code null} on disconnection or timeout.
     */
    private T awaitMessage(long nanos) {
        boolean interrupted = false;
        long start = System.nanoTime();
        try {
            while (buffer.isEmpty() && senders > 0) {
                long left = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : nanos - (System.nanoTime() - start);
                if (left <= 0) {
                    return null;
                }
                receiverWaiting = true;
                interrupted |= awaitNanos(left);
            }
            return poll();
        } finally {
            receiverWaiting = false;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Closes the receiver: wakes every waiting sender (M12), and hands back what it must drop, the
     * buffered messages, in order (M9). A rendezvous message whose sender still waits is not the
     * channel's: that sender takes it back.
     */
    synchronized List<T> closeReceiver() {
        receiverOpen = false;
        List<T> dropped = new ArrayList<>();
        if (!slotOfBlockedSender) {
            dropped.addAll(buffer);
            buffer.clear();
        }
        notifyAll();
        return dropped;
    }

    /** Closes each message that is {@link AutoCloseable}, in order; throws the first failure after all (M9). */
    static void drop(List<?> messages) {
        RuntimeException first = null;
        for (Object m : messages) {
            if (m instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (RuntimeException e) {
                    first = first == null ? e : first;
                } catch (Exception e) {
                    first = first == null ? new Panic("closing a dropped message failed: " + e, e) : first;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    // ---- waiting ----

    /** Waits on this monitor; whether an interrupt came (the wait goes on regardless). */
    private boolean await() {
        try {
            wait();
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    private boolean awaitNanos(long nanos) {
        try {
            if (nanos == Long.MAX_VALUE) {
                wait();
            } else {
                wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}
