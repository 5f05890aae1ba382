package fearless.solutions.threadpool;

import fearless.api.OwnershipError;
import fearless.api.capstones.ThreadPool;
import fearless.api.channel.Channel;
import fearless.api.channel.ChannelProvider;
import fearless.api.channel.Receiver;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexProvider;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** MUTANT: the channel and the mutex are made, then left unused: the jobs go through a BlockingQueue. */
public final class BasicThreadPool implements ThreadPool {

    private static final Runnable STOP = () -> { };

    private final List<JoinHandle<Void>> workers = new ArrayList<>();
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Channel<Runnable> channel;
    private final Mutex<Receiver<Runnable>> unused;
    private boolean closed;

    public BasicThreadPool(int size, Threads threads, ChannelProvider channels, MutexProvider mutexes) {
        if (size < 1) {
            throw new IllegalArgumentException("a thread pool needs at least one worker, got " + size);
        }
        channel = channels.channel();
        unused = mutexes.create(channel.receiver());
        for (int id = 0; id < size; id++) {
            workers.add(threads.builder().name("worker-" + id).spawn(() -> {
                work();
                return null;
            }));
        }
    }

    @Override
    public synchronized void execute(Runnable job) {
        Objects.requireNonNull(job, "job");
        if (closed) {
            throw OwnershipError.useAfterMove("execute() on a thread pool that was closed (dropped)");
        }
        queue.add(job);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (int i = 0; i < workers.size(); i++) {
            queue.add(STOP);
        }
        for (JoinHandle<Void> worker : workers) {
            worker.join();
        }
        channel.sender().close();
        channel.receiver().close();
    }

    private void work() {
        while (true) {
            Runnable job;
            try {
                job = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (job == STOP) {
                return;
            }
            try {
                job.run();
            } catch (Throwable failed) {
                // a failing job ends only itself
            }
        }
    }
}
