package fearless.grader.checks.kit;

import fearless.api.OwnershipError;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.thread.JoinHandle;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One thread of {@link KitThreads} and the right to join it. The body runs as a
 * {@link FutureTask} whose value is the thread's outcome, so waiting for it is the JDK's own
 * well-tried wait; the kit may use what the exercises forbid.
 */
final class KitJoinHandle<T> implements JoinHandle<T> {

    private enum Use { OPEN, JOINED, CLOSED }

    private final String givenName;
    private final FutureTask<Result<T, Object>> task;
    private final Thread thread;
    private final AtomicReference<Use> use = new AtomicReference<>(Use.OPEN);

    KitJoinHandle(String name, Supplier<? extends T> body) {
        this.givenName = name;
        this.task = new FutureTask<>(() -> outcomeOf(body));
        this.thread = name == null ? new Thread(task) : new Thread(task, name);
        thread.setDaemon(true);
    }

    private static <T> Result<T, Object> outcomeOf(Supplier<? extends T> body) {
        try {
            return Result.ok(body.get());
        } catch (Panic panic) {
            return Result.err(panic.payload());
        } catch (Throwable other) {
            return Result.err(other);
        }
    }

    Thread thread() {
        return thread;
    }

    boolean wasJoined() {
        return use.get() == Use.JOINED;
    }

    @Override
    public Result<T, Object> join() {
        if (!use.compareAndSet(Use.OPEN, Use.JOINED)) {
            throw consumed("join()");
        }
        boolean interruptedMeanwhile = false;
        KitWaits.begin(() -> "join() of '" + thread.getName() + "', which has not ended", () -> thread);
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interruptedMeanwhile = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the kit's thread body cannot throw", e.getCause());
                }
            }
        } finally {
            KitWaits.end();
            if (interruptedMeanwhile) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isFinished() {
        if (use.get() != Use.OPEN) {
            throw consumed("isFinished()");
        }
        return task.isDone();
    }

    @Override
    public Optional<String> name() {
        return Optional.ofNullable(givenName);
    }

    @Override
    public void close() {
        use.compareAndSet(Use.OPEN, Use.CLOSED);
    }

    private static OwnershipError consumed(String call) {
        return OwnershipError.useAfterMove(call + " on a join handle that was already joined or closed");
    }
}
