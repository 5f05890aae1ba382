package fearless.grader.checks.kit;

import fearless.api.OwnershipError;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.channel.RecvError;
import fearless.api.channel.RecvTimeoutError;
import fearless.api.channel.Receiver;
import fearless.api.channel.SendError;
import fearless.api.channel.Sender;
import fearless.api.channel.TryRecvError;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One channel of {@link KitChannels}: a {@link ReentrantLock} guards the buffered messages and
 * the count of open senders, and one {@link Condition} wakes receivers when either changes. Every
 * end it hands out reports to its {@link KitChannels.EndLog}, so the checks learn which thread
 * sent, received and closed, without trusting the pipeline that used the channel.
 */
final class KitChannel<T> {

    private final ReentrantLock guard = new ReentrantLock();
    private final Condition changed = guard.newCondition();
    private final LinkedList<T> buffered = new LinkedList<>();
    private final KitChannels log;
    private final int index;
    private int sendersLeft;
    private boolean receiverGone;
    private boolean severed;

    KitChannel(KitChannels log, int index) {
        this.log = log;
        this.index = index;
    }

    Sender<T> newSender() {
        guard.lock();
        try {
            sendersLeft++;
        } finally {
            guard.unlock();
        }
        return new KitSender(log.record(index, KitChannels.Kind.SENDER));
    }

    Receiver<T> newReceiver() {
        return new KitReceiver(log.record(index, KitChannels.Kind.RECEIVER));
    }

    /** Disconnects every end at once, so that threads a failed check left waiting here can end. */
    void sever() {
        guard.lock();
        try {
            severed = true;
            receiverGone = true;
            changed.signalAll();
        } finally {
            guard.unlock();
        }
    }

    /** Waits for a change, through interrupts; whether one came (its status is set again by then). */
    private boolean waitUninterrupted() {
        changed.awaitUninterruptibly();
        return Thread.interrupted();
    }

    /** Waits for a change at most {@code nanos}; false if an interrupt cut the wait short. */
    private boolean waitFor(long nanos) {
        try {
            changed.awaitNanos(nanos);
            return true;
        } catch (InterruptedException cut) {
            return false;
        }
    }

    /** Drops one message the way Rust drops it: an {@link AutoCloseable} is closed. What it threw, or null. */
    private static Throwable dropOne(Object message) {
        if (!(message instanceof AutoCloseable owned)) {
            return null;
        }
        try {
            owned.close();
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    /** Whether no message can come any more: nothing buffered, and every sender gone. Under the guard. */
    private boolean drained() {
        return buffered.isEmpty() && (sendersLeft == 0 || severed);
    }

    /** The sending end: {@link #send} only appends, under the guard, and never waits. */
    private final class KitSender implements Sender<T> {
        private final KitChannels.EndLog end;

        KitSender(KitChannels.EndLog end) {
            this.end = end;
        }

        @Override
        public Result<Void, SendError<T>> send(T value) {
            end.ensureOpen("send()");
            Objects.requireNonNull(value, "a channel carries no null message");
            end.usedBy(Thread.currentThread());
            guard.lock();
            try {
                if (!receiverGone) {
                    buffered.addLast(value);
                    changed.signalAll();
                    return Result.ok(null);
                }
            } finally {
                guard.unlock();
            }
            log.sendFailed(index, Thread.currentThread());
            return Result.err(new SendError<>(value));
        }

        @Override
        public Sender<T> cloneSender() {
            end.ensureOpen("cloneSender()");
            return newSender();
        }

        @Override
        public void close() {
            if (!end.markClosed()) {
                return;
            }
            guard.lock();
            try {
                sendersLeft--;
                if (sendersLeft == 0) {
                    changed.signalAll();
                }
            } finally {
                guard.unlock();
            }
        }
    }

    /** The receiving end: waits on the condition, never giving up for an interrupt. */
    private final class KitReceiver implements Receiver<T> {
        private final KitChannels.EndLog end;

        KitReceiver(KitChannels.EndLog end) {
            this.end = end;
        }

        /** Takes the next message, waiting at most {@code nanos} (or without end if negative); null if none came. */
        private T take(long nanos, boolean forever) {
            end.usedBy(Thread.currentThread());
            boolean interrupted = false;
            long deadline = System.nanoTime() + nanos;
            guard.lock();
            try {
                while (buffered.isEmpty() && !drained()) {
                    long left = deadline - System.nanoTime();
                    if (!forever && left <= 0) {
                        return null;
                    }
                    log.waiting(1);
                    KitWaits.begin(this::waitDescribed, () -> null);
                    try {
                        interrupted |= forever ? waitUninterrupted() : !waitFor(left);
                    } finally {
                        KitWaits.end();
                        log.waiting(-1);
                    }
                }
                T next = buffered.pollFirst();
                if (next == null) {
                    end.sawDisconnection();
                }
                return next;
            } finally {
                guard.unlock();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** "recv() on channel #0, whose sender is still open (never closed)", read while the receiver waits. */
        private String waitDescribed() {
            int open = sendersLeft;
            return "recv() on channel #" + index + ", nothing buffered, " + (open == 1 ? "1 sender still open"
                    : open + " senders still open") + ": it ends only when a message comes or every sender is closed";
        }

        @Override
        public Result<T, RecvError> recv() {
            end.ensureOpen("recv()");
            T next = take(0, true);
            return next == null ? Result.err(new RecvError()) : Result.ok(next);
        }

        @Override
        public Result<T, TryRecvError> tryRecv() {
            end.ensureOpen("tryRecv()");
            end.usedBy(Thread.currentThread());
            guard.lock();
            try {
                T next = buffered.pollFirst();
                if (next != null) {
                    return Result.ok(next);
                }
                if (drained()) {
                    end.sawDisconnection();
                    return Result.err(TryRecvError.DISCONNECTED);
                }
                return Result.err(TryRecvError.EMPTY);
            } finally {
                guard.unlock();
            }
        }

        @Override
        public Result<T, RecvTimeoutError> recvTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            end.ensureOpen("recvTimeout()");
            long nanos;
            try {
                nanos = timeout.toNanos();
            } catch (ArithmeticException tooLong) {
                nanos = Long.MAX_VALUE;
            }
            boolean forever = nanos > Duration.ofDays(3650).toNanos();
            T next = take(Math.max(0, nanos), forever);
            if (next != null) {
                return Result.ok(next);
            }
            guard.lock();
            try {
                return Result.err(drained() ? RecvTimeoutError.DISCONNECTED : RecvTimeoutError.TIMEOUT);
            } finally {
                guard.unlock();
            }
        }

        @Override
        public Iterator<T> iterator() {
            end.ensureOpen("iterator()");
            return new Walk(true);
        }

        @Override
        public Iterator<T> tryIter() {
            end.ensureOpen("tryIter()");
            return new Walk(false);
        }

        @Override
        public void close() {
            if (!end.markClosed()) {
                return;
            }
            LinkedList<T> dropped;
            guard.lock();
            try {
                receiverGone = true;
                dropped = new LinkedList<>(buffered);
                buffered.clear();
                changed.signalAll();
            } finally {
                guard.unlock();
            }
            Throwable firstFailure = null;
            for (Object each : dropped) {
                Throwable failure = dropOne(each);
                firstFailure = firstFailure != null ? firstFailure : failure;
            }
            if (firstFailure instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (firstFailure instanceof Error error) {
                throw error;
            }
            if (firstFailure != null) {
                throw new Panic("closing a dropped message failed: " + firstFailure, firstFailure);
            }
        }

        /** {@code rx.iter()} when {@code waits}, {@code rx.try_iter()} otherwise. */
        private final class Walk implements Iterator<T> {
            private final boolean waits;
            private T ahead;

            Walk(boolean waits) {
                this.waits = waits;
            }

            @Override
            public boolean hasNext() {
                end.ensureOpen("an iterator's hasNext()");
                if (ahead == null) {
                    ahead = waits ? take(0, true) : tryRecv().ok().orElse(null);
                }
                return ahead != null;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no message left: every sender is gone");
                }
                T message = ahead;
                ahead = null;
                return message;
            }
        }
    }

    static OwnershipError closedEnd(String call) {
        return OwnershipError.useAfterMove(call + " on a channel end that was already closed");
    }
}
