package fearless.grader.checks.parker;

import fearless.api.thread.Parker;
import fearless.api.thread.Unparker;
import fearless.grader.check.race.WatchedCall;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The submission's parker, with the one thread that owns it: every park of a sequence runs on that
 * thread, as the api asks, and each is waited for a bounded time, so a park that never returns
 * ends the sequence with a verdict instead of hanging it. Unparks run wherever the op says.
 */
final class OwnedParker {

    /** What a park did: how long it took, or that it was still parked at the bound. */
    record Parked(boolean returned, long nanos) {
    }

    /** The call to make on the owner thread. */
    @FunctionalInterface
    interface ParkCall {
        void park(Parker parker);
    }

    private final Parker parker;
    private final Duration bound;
    private final ExecutorService owner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parker-owner");
        t.setDaemon(true);
        return t;
    });

    OwnedParker(Parker parker, Duration bound) {
        this.parker = parker;
        this.bound = bound;
    }

    Duration bound() {
        return bound;
    }

    /** Makes {@code call} on the owner thread and waits for it, {@link #bound} at most past {@code extra}. */
    Parked park(ParkCall call, Duration extra) throws Exception {
        Future<Long> done = owner.submit(() -> {
            long start = System.nanoTime();
            call.park(parker);
            return System.nanoTime() - start;
        });
        try {
            return new Parked(true, done.get(bound.plus(extra).toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return new Parked(false, 0);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Unparks through a new handle, on the owner thread (as Rust's {@code thread::current().unpark()}). */
    Parked unpark() throws Exception {
        return park(p -> p.unparker().unpark(), Duration.ZERO);
    }

    /** Unparks through a new handle, on a thread of its own, and waits for it (bounded). */
    boolean unparkFromAnotherThread() throws Exception {
        Unparker handle = parker.unparker();
        WatchedCall<Void> other = WatchedCall.startAction("unparker", handle::unpark);
        boolean returned = other.awaitDone(bound);
        other.abandon();
        other.requireNoFailure("unpark() on another thread", "T7");
        return returned;
    }

    /** Interrupts whatever the owner thread is still doing, and lets it go. */
    void close() {
        owner.shutdownNow();
    }
}
