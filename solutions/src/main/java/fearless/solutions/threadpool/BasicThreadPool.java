package fearless.solutions.threadpool;

import fearless.api.OwnershipError;
import fearless.api.Result;
import fearless.api.capstones.ThreadPool;
import fearless.api.channel.Channel;
import fearless.api.channel.ChannelProvider;
import fearless.api.channel.RecvError;
import fearless.api.channel.Receiver;
import fearless.api.channel.Sender;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.MutexProvider;
import fearless.api.mutex.PoisonError;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Rust book's pool: one channel of jobs, its receiver shared by every worker behind one
 * mutex. A worker holds that mutex only for the {@code recv}, so the others can take the next
 * job while it runs a slow one. {@code close} is Rust's drop: take the sender and close it, then
 * join; in the other order the workers wait for jobs forever and the join with them.
 */
public final class BasicThreadPool implements ThreadPool {

    private final List<JoinHandle<Void>> workers = new ArrayList<>();
    private final Mutex<Receiver<Runnable>> jobs;
    /** The sending end; null once the pool is closed. Guarded by this. */
    private Sender<Runnable> sender;

    public BasicThreadPool(int size, Threads threads, ChannelProvider channels, MutexProvider mutexes) {
        if (size < 1) {
            throw new IllegalArgumentException("a thread pool needs at least one worker, got " + size);
        }
        Channel<Runnable> channel = channels.channel();
        jobs = mutexes.create(channel.receiver());
        sender = channel.sender();
        for (int id = 0; id < size; id++) {
            workers.add(threads.builder().name("worker-" + id).spawn(() -> {
                work();
                return null;
            }));
        }
    }

    @Override
    public void execute(Runnable job) {
        Objects.requireNonNull(job, "job");
        Sender<Runnable> out;
        synchronized (this) {
            out = sender;
        }
        if (out == null) {
            throw OwnershipError.useAfterMove("execute() on a thread pool that was closed (dropped)");
        }
        out.send(job);
    }

    @Override
    public void close() {
        Sender<Runnable> last;
        synchronized (this) {
            last = sender;
            sender = null;
        }
        if (last == null) {
            return;
        }
        last.close();
        for (JoinHandle<Void> worker : workers) {
            worker.join();
        }
        try (MutexGuard<Receiver<Runnable>> guard = unpoisoned(jobs.lock())) {
            guard.get().close();
        }
    }

    /** One worker: receive a job, let go of the lock, run it; until the channel is disconnected. */
    private void work() {
        while (true) {
            Result<Runnable, RecvError> message = nextJob();
            if (!(message instanceof Result.Ok<Runnable, RecvError> job)) {
                return;
            }
            try {
                job.value().run();
            } catch (Throwable failed) {
                // W3: a job that fails ends only itself; this worker takes the next one.
            }
        }
    }

    /** The guard lives for the receive only: the job runs after the lock is let go (W2). */
    private Result<Runnable, RecvError> nextJob() {
        try (MutexGuard<Receiver<Runnable>> guard = unpoisoned(jobs.lock())) {
            return guard.get().recv();
        }
    }

    /** A receive cannot fail while locked, so poison would come from elsewhere; the receiver is still whole. */
    private static <G> G unpoisoned(Result<G, PoisonError<G>> locked) {
        return locked instanceof Result.Ok<G, PoisonError<G>> ok ? ok.value() : locked.unwrapErr().intoInner();
    }
}
