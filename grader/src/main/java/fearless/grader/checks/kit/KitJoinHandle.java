package fearless.grader.checks.kit;

import fearless.api.OwnershipError;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.thread.JoinHandle;
import java.util.Optional;
import java.util.function.Supplier;

/** One thread of {@link KitThreads} and the right to join it. */
final class KitJoinHandle<T> implements JoinHandle<T> {

    private final String name;
    private final Thread thread;
    private volatile Result<T, Object> outcome;
    private boolean consumed;
    private boolean joined;

    KitJoinHandle(String name, Supplier<? extends T> body) {
        this.name = name;
        Runnable run = () -> {
            Result<T, Object> result;
            try {
                result = Result.ok(body.get());
            } catch (Panic p) {
                result = Result.err(p.payload());
            } catch (Throwable t) {
                result = Result.err(t);
            }
            outcome = result;
        };
        thread = name == null ? new Thread(run) : new Thread(run, name);
        thread.setDaemon(true);
    }

    Thread thread() {
        return thread;
    }

    synchronized boolean wasJoined() {
        return joined;
    }

    @Override
    public Result<T, Object> join() {
        synchronized (this) {
            ensureLive("join()");
            consumed = true;
            joined = true;
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
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
    public synchronized boolean isFinished() {
        ensureLive("isFinished()");
        return outcome != null;
    }

    @Override
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    @Override
    public synchronized void close() {
        consumed = true;
    }

    private void ensureLive(String use) {
        if (consumed) {
            throw OwnershipError.useAfterMove(use + " on a join handle that was already joined or closed");
        }
    }
}
