package fearless.api.capstones;

/**
 * A fixed set of worker threads that run the jobs sent to them: the thread pool of the Rust
 * book's chapter 21. {@code execute} sends each job down one channel; the workers share its one
 * receiver behind one mutex ({@code Arc<Mutex<Receiver<Job>>>}), and each worker loops: lock,
 * receive one job, unlock, run the job.
 *
 * <pre>
 * let pool = ThreadPool::new(4);
 * pool.execute(|| println!("hello from a worker"));
 * drop(pool); // closes the sender, then joins every worker
 * </pre>
 *
 * <p>Rules (see {@code course-notes/10-capstones.md}): W1 (each job runs once, on a worker), W2
 * (the receiver's lock is held only to receive), W3 (a failing job costs only itself) and W4
 * (shutdown closes the sender, then joins every worker).
 */
public interface ThreadPool extends AutoCloseable {

    /**
     * Sends {@code job} to the workers and returns without waiting for it to run (W1). Each job
     * sent runs exactly once, on one of the pool's workers, never on the caller's thread (W1).
     * As many jobs as there are workers run at the same time: a worker holds the receiver's lock
     * only while it receives, never while it runs the job, so one slow job does not hold up the
     * others (W2). A job that throws (any {@link Throwable}) ends only itself: its worker goes on
     * with the next job, and the pool keeps all its workers (W3). A {@code null} job is refused
     * with a {@link NullPointerException}. After {@link #close()} the pool is gone, as a dropped
     * value is in Rust: {@code execute} throws an {@link fearless.api.OwnershipError} with code
     * E0382 and runs nothing.
     */
    void execute(Runnable job);

    /**
     * Shuts the pool down, as dropping it does in Rust: it stops accepting jobs, closes the
     * sender, and then joins every worker (W4). Every job sent before {@code close} runs before it
     * returns: each worker receives until the channel is empty and disconnected, then ends (M3).
     * Joining before closing the sender would wait forever. A second {@code close} does nothing.
     */
    @Override
    void close();
}
