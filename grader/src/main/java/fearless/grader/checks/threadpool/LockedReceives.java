package fearless.grader.checks.threadpool;

import fearless.api.Result;
import fearless.api.channel.Channel;
import fearless.api.channel.ChannelProvider;
import fearless.api.channel.Receiver;
import fearless.api.channel.RecvError;
import fearless.api.channel.RecvTimeoutError;
import fearless.api.channel.TryRecvError;
import fearless.grader.checks.kit.KitChannels;
import fearless.grader.checks.kit.KitMutex;
import fearless.grader.checks.kit.KitMutexes;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kit's channels, with receivers that count each receive made while the receiving thread
 * held none of the kit's mutexes: the pool's workers must share the receiver behind the mutex,
 * and take a job only while they hold it (W2). Everything else is the kit channel's own doing.
 */
final class LockedReceives implements ChannelProvider {

    private final KitChannels channels;
    private final KitMutexes mutexes;
    private final AtomicInteger unlocked = new AtomicInteger();

    LockedReceives(KitChannels channels, KitMutexes mutexes) {
        this.channels = channels;
        this.mutexes = mutexes;
    }

    @Override
    public <T> Channel<T> channel() {
        Channel<T> made = channels.channel();
        return new Channel<>(made.sender(), new Watched<>(made.receiver()));
    }

    /** How many receives (of any kind) a thread made holding none of the kit's mutexes. */
    int unlockedReceives() {
        return unlocked.get();
    }

    private void noteReceive() {
        for (KitMutex<?> mutex : mutexes.made()) {
            if (mutex.isHeldByCurrentThread()) {
                return;
            }
        }
        unlocked.incrementAndGet();
    }

    /** A receiver that notes how each receive was made, then does what the kit's receiver does. */
    private final class Watched<T> implements Receiver<T> {
        private final Receiver<T> inner;

        Watched(Receiver<T> inner) {
            this.inner = inner;
        }

        @Override
        public Result<T, RecvError> recv() {
            noteReceive();
            return inner.recv();
        }

        @Override
        public Result<T, TryRecvError> tryRecv() {
            noteReceive();
            return inner.tryRecv();
        }

        @Override
        public Result<T, RecvTimeoutError> recvTimeout(Duration timeout) {
            noteReceive();
            return inner.recvTimeout(timeout);
        }

        @Override
        public Iterator<T> iterator() {
            Iterator<T> messages = inner.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    noteReceive();
                    return messages.hasNext();
                }

                @Override
                public T next() {
                    return messages.next();
                }
            };
        }

        @Override
        public Iterator<T> tryIter() {
            noteReceive();
            return inner.tryIter();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
