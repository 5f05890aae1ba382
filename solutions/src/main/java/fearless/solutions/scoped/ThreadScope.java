package fearless.solutions.scoped;

import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import fearless.api.thread.Scope;
import fearless.api.thread.ScopedJoinHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Rust's {@code Scope}: the registry of the threads spawned in one {@code scope} call, by the body
 * and by scoped threads alike.
 *
 * <p>Every thread is registered before it starts, under the registry's lock, so a thread that
 * spawns another has registered it before it ends itself. {@link #end()} therefore waits for the
 * registered threads one by one and looks at the registry again after each: when it has waited for
 * every thread the registry holds, none is running, and none is left that could add one. It then
 * closes the registry in the same step, so a {@code Scope} that escaped its call cannot start a
 * thread the scope no longer waits for (E0597).
 */
final class ThreadScope implements Scope {

    private final Object lock = new Object();
    private final List<ScopedThread<?>> threads = new ArrayList<>(); // guarded by lock
    private boolean ended; // guarded by lock

    @Override
    public <T> ScopedJoinHandle<T> spawn(Supplier<? extends T> body) {
        Objects.requireNonNull(body, "body");
        ScopedThread<T> thread = new ScopedThread<>(body);
        synchronized (lock) {
            if (ended) {
                throw new OwnershipError(ErrorCode.E0597, "spawn() on a Scope whose scope() call has returned: "
                        + "the locals its threads would borrow may be gone, so no thread starts");
            }
            threads.add(thread);
        }
        thread.start();
        return thread;
    }

    /**
     * Waits until every thread of this scope has ended, through interrupts (the status is restored
     * afterwards), and closes the scope; true if a thread that nobody joined by hand panicked.
     */
    boolean end() {
        boolean interrupted = false;
        int waited = 0;
        while (true) {
            ScopedThread<?> next;
            synchronized (lock) {
                if (waited == threads.size()) {
                    ended = true;
                    break;
                }
                next = threads.get(waited);
            }
            interrupted |= next.awaitEnd();
            waited++;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            for (ScopedThread<?> thread : threads) {
                if (thread.panickedUnjoined()) {
                    return true;
                }
            }
            return false;
        }
    }
}
