package fearless.solutions.scoped;

import fearless.api.OwnershipError;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.thread.ScopedJoinHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One scoped thread and its handle (Rust's {@code ScopedJoinHandle}): the body's outcome as a
 * value, whether it has ended, and whether someone joined it by hand, which takes its panic off
 * the scope's hands (T2, T6). Any throwable is a panic, an {@code Error} too: catching only
 * {@code RuntimeException} would lose the outcome of a thread that ran out of stack.
 *
 * @param <T> the body's result
 */
final class ScopedThread<T> implements ScopedJoinHandle<T> {

    private static final AtomicLong NUMBER = new AtomicLong();

    private final Object lock = new Object();
    private final Thread thread;
    private final Supplier<? extends T> body;
    private Result<T, Object> outcome; // guarded by lock
    private boolean finished; // guarded by lock
    private boolean joined; // guarded by lock

    ScopedThread(Supplier<? extends T> body) {
        this.body = body;
        this.thread = new Thread(this::run, "scoped-" + NUMBER.incrementAndGet());
    }

    /** Starts the thread; if it cannot start, it counts as ended and joined, and spawn() throws. */
    void start() {
        try {
            thread.start();
        } catch (Throwable cannotStart) {
            synchronized (lock) {
                joined = true;
                finish(Result.err(cannotStart));
            }
            throw cannotStart;
        }
    }

    private void run() {
        Result<T, Object> result = null;
        try {
            result = Result.ok(body.get());
        } catch (Throwable failure) {
            result = Result.err(failure instanceof Panic panic ? panic.payload() : failure);
        } finally {
            synchronized (lock) {
                finish(result);
            }
        }
    }

    /** Records the outcome and wakes the waiters; the caller holds the lock. */
    private void finish(Result<T, Object> result) {
        outcome = result;
        finished = true;
        lock.notifyAll();
    }

    @Override
    public Result<T, Object> join() {
        synchronized (lock) {
            if (joined) {
                throw OwnershipError.useAfterMove("join() on a ScopedJoinHandle that was already joined: "
                        + "joining consumes the handle");
            }
            joined = true;
        }
        if (awaitEnd()) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            return outcome;
        }
    }

    @Override
    public boolean isFinished() {
        synchronized (lock) {
            if (joined) {
                throw OwnershipError.useAfterMove("isFinished() on a ScopedJoinHandle that was joined: "
                        + "joining consumed the handle");
            }
            return finished;
        }
    }

    /** Waits until the body has ended, through interrupts; true if one came meanwhile. */
    boolean awaitEnd() {
        boolean interrupted = false;
        synchronized (lock) {
            while (!finished) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        return interrupted;
    }

    /** Whether the body threw and nobody joined the thread by hand: the scope's panic (T6). */
    boolean panickedUnjoined() {
        synchronized (lock) {
            return outcome instanceof Result.Err && !joined;
        }
    }
}
