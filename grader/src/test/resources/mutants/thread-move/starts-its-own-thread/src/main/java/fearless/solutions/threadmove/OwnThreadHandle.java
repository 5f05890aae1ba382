package fearless.solutions.threadmove;

import fearless.api.OwnershipError;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.thread.JoinHandle;
import java.util.Optional;
import java.util.function.Supplier;

/** A home-made JoinHandle over a thread of its own. */
final class OwnThreadHandle<T> implements JoinHandle<T> {

    private final Thread thread;
    private volatile Result<T, Object> outcome;
    private boolean consumed;

    private OwnThreadHandle(Supplier<? extends T> body) {
        thread = new Thread(() -> {
            try {
                outcome = Result.ok(body.get());
            } catch (Panic p) {
                outcome = Result.err(p.payload());
            } catch (Throwable t) {
                outcome = Result.err(t);
            }
        });
        thread.setDaemon(true);
    }

    static <T> JoinHandle<T> start(Supplier<? extends T> body) {
        OwnThreadHandle<T> handle = new OwnThreadHandle<>(body);
        handle.thread.start();
        return handle;
    }

    @Override
    public Result<T, Object> join() {
        synchronized (this) {
            if (consumed) {
                throw OwnershipError.useAfterMove("join() on a handle already joined");
            }
            consumed = true;
        }
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                // keep waiting
            }
        }
        return outcome;
    }

    @Override
    public synchronized boolean isFinished() {
        return outcome != null;
    }

    @Override
    public Optional<String> name() {
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        consumed = true;
    }
}
