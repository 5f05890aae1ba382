package fearless.solutions.spawn;

import fearless.api.OwnershipError;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.thread.JoinHandle;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Rust's {@code JoinHandle<T>} over one {@link Thread} of its own: a pool would hand a later
 * spawn a used thread, with whatever name and thread-local state the last body left on it.
 *
 * <p>The thread catches every {@link Throwable} its body throws and stores the outcome as a value
 * (T2), so nothing escapes it. {@code join} waits with {@link Thread#join()}, which also makes
 * everything the thread did visible to the caller. The handle's one piece of state, whether it
 * was used up by {@code join} or {@code close}, changes with a compare-and-set, so two threads
 * joining at once cannot both take the result.
 *
 * @param <T> the body's result
 */
public final class ThreadHandle<T> implements JoinHandle<T> {

    private final Thread thread;

    /** The name given through the builder, or {@code null}. */
    private final String name;

    /** The body's outcome, written once by the thread as its last act; {@code null} until then. */
    private volatile Result<T, Object> outcome;

    /** Whether {@code join} or {@code close} has used up this handle. */
    private final AtomicBoolean used = new AtomicBoolean();

    private ThreadHandle(Supplier<? extends T> body, String name) {
        this.name = name;
        Runnable task = () -> run(body);
        this.thread = name == null ? new Thread(task) : new Thread(task, name);
        thread.setDaemon(true);
    }

    /** A handle whose thread is already running {@code body}: named before it starts, so it sees its name (T5). */
    static <T> ThreadHandle<T> start(Supplier<? extends T> body, String name) {
        ThreadHandle<T> handle = new ThreadHandle<>(body, name);
        handle.thread.start();
        return handle;
    }

    /** The thread's whole life: the body, and its outcome stored as a value, whatever it threw. */
    private void run(Supplier<? extends T> body) {
        Result<T, Object> result;
        try {
            result = Result.ok(body.get());
        } catch (Throwable failure) {
            result = Result.err(payloadOf(failure));
        }
        outcome = result;
    }

    /** What {@code join} hands back for a failure: a panic's payload, or any other throwable itself. */
    private static Object payloadOf(Throwable failure) {
        return failure instanceof Panic panic ? panic.payload() : failure;
    }

    @Override
    public Result<T, Object> join() {
        if (!used.compareAndSet(false, true)) {
            throw OwnershipError.useAfterMove("join() on a JoinHandle that was already joined or closed: "
                    + "joining consumes the handle");
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return outcome;
    }

    @Override
    public boolean isFinished() {
        if (used.get()) {
            throw OwnershipError.useAfterMove("isFinished() on a JoinHandle that was already joined or closed");
        }
        return outcome != null;
    }

    @Override
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    @Override
    public void close() {
        used.set(true);
    }
}
