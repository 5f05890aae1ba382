package fearless.exercises.threadpool;

import fearless.api.Unimplemented;
import fearless.api.capstones.ThreadPool;
import fearless.api.channel.ChannelProvider;
import fearless.api.mutex.MutexProvider;
import fearless.api.thread.Threads;

/**
 * The thread pool of the Rust book's chapter 21 (lesson 10, sections 2 to 6):
 *
 * <pre>
 * execute(job) --send--> channel --recv--> worker-0: lock, recv, unlock, run the job
 *                        one receiver      worker-1: lock, recv, unlock, run the job
 *                        behind one mutex  ...
 * </pre>
 *
 * <p>What it must do:
 * <ul>
 *   <li>W1: the constructor refuses a {@code size} below 1 with an
 *       {@code IllegalArgumentException}, makes one channel with {@code channels}, puts its
 *       receiver in one mutex made by {@code mutexes}, and spawns {@code size} workers through
 *       {@code threads}, no more, ever: never a thread per job. {@code execute} sends the job and
 *       returns at once; each job runs exactly once, on a worker, never on the caller's thread.
 *       Several threads may call {@code execute} at the same time.</li>
 *   <li>W2: a worker holds the receiver's lock only while it receives. It runs the job after the
 *       guard is closed, so a slow job never holds up the other workers.</li>
 *   <li>W3: a job that throws, any {@code Throwable}, ends only itself: the worker catches it and
 *       takes the next job, and the pool keeps all its workers.</li>
 *   <li>W4: {@code close} is Rust's drop: it closes the sender first, then joins every worker.
 *       The workers still run every job sent before, then their {@code recv} reports the
 *       disconnection and they end (M3). A second {@code close} does nothing; {@code execute}
 *       after {@code close} throws {@code OwnershipError.useAfterMove(...)} (E0382) and runs
 *       nothing; a {@code null} job is a {@code NullPointerException}.</li>
 * </ul>
 *
 * <p>Hints: a {@code try (MutexGuard<...> guard = ...)} block around the {@code recv} alone
 * closes the guard before the job runs; Rust's {@code while let Ok(job) =
 * receiver.lock().unwrap().recv()} keeps it for the whole loop body, which is the mistake. Name
 * the workers ({@code threads.builder().name("worker-0")}): the grader's feedback uses the names.
 */
public final class BasicThreadPool implements ThreadPool {

    private final int size;
    private final Threads threads;
    private final ChannelProvider channels;
    private final MutexProvider mutexes;

    public BasicThreadPool(int size, Threads threads, ChannelProvider channels, MutexProvider mutexes) {
        this.size = size;
        this.threads = threads;
        this.channels = channels;
        this.mutexes = mutexes;
    }

    @Override
    public void execute(Runnable job) {
        throw new Unimplemented("thread-pool", "course-notes/10-capstones.md");
    }

    @Override
    public void close() {
        throw new Unimplemented("thread-pool", "course-notes/10-capstones.md");
    }
}
