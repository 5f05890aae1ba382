package fearless.api.capstones;

import fearless.api.channel.ChannelProvider;
import fearless.api.mutex.MutexProvider;
import fearless.api.thread.Threads;

/**
 * How the grader obtains a submission's {@link ThreadPool}. Register the implementation in
 * {@code META-INF/services/fearless.api.capstones.ThreadPoolProvider}.
 */
public interface ThreadPoolProvider {

    /**
     * A pool of {@code size} workers, spawned at once through {@code threads}; the pool starts no
     * other thread, ever, and never one per job (W1). Its one job channel is made by
     * {@code channels}, and the workers share the receiver behind one mutex made by
     * {@code mutexes}. A {@code size} below 1 is refused with an
     * {@link IllegalArgumentException}, as the book's {@code assert!(size > 0)} panics. The grader
     * passes the kit's own working threads, channels and mutexes, so this exercise is graded on
     * its own even while those exercises are unfinished, and so it sees every thread, channel end
     * and lock the pool uses.
     */
    ThreadPool create(int size, Threads threads, ChannelProvider channels, MutexProvider mutexes);
}
