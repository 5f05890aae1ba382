package fearless.solutions.spawn;

import fearless.api.OwnershipError;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.thread.JoinHandle;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** MUTANT: threads are expensive, so every spawn reuses the threads of one small pool. */
public final class ThreadHandle<T> implements JoinHandle<T> {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(4, task -> {
        Thread t = new Thread(task);
        t.setDaemon(true);
        return t;
    });

    private final String name;
    private final Future<Result<T, Object>> future;
    private final AtomicBoolean used = new AtomicBoolean();

    private ThreadHandle(Supplier<? extends T> body, String name) {
        this.name = name;
        this.future = POOL.submit(() -> run(body));
    }

    static <T> ThreadHandle<T> start(Supplier<? extends T> body, String name) {
        return new ThreadHandle<>(body, name);
    }

    /** Runs the body under the builder's name, then gives the pool thread its own name back. */
    private Result<T, Object> run(Supplier<? extends T> body) {
        Thread me = Thread.currentThread();
        String own = me.getName();
        if (name != null) {
            me.setName(name);
        }
        try {
            return Result.ok(body.get());
        } catch (Throwable failure) {
            return Result.err(failure instanceof Panic panic ? panic.payload() : failure);
        } finally {
            me.setName(own);
        }
    }

    @Override
    public Result<T, Object> join() {
        if (!used.compareAndSet(false, true)) {
            throw OwnershipError.useAfterMove("join() on a JoinHandle that was already joined or closed");
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isFinished() {
        if (used.get()) {
            throw OwnershipError.useAfterMove("isFinished() on a JoinHandle that was already joined or closed");
        }
        return future.isDone();
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
