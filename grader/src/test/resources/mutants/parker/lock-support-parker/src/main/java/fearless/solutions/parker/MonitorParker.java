package fearless.solutions.parker;

import fearless.api.thread.Parker;
import fearless.api.thread.Unparker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/** MUTANT: a parker that hands the waiting to LockSupport, the JDK's own parker. */
public final class MonitorParker implements Parker {

    private final AtomicBoolean token = new AtomicBoolean();
    private volatile Thread owner;

    @Override
    public void park() {
        owner = Thread.currentThread();
        while (!token.compareAndSet(true, false)) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            LockSupport.park(this); // MUTANT: the JDK's parker does the waiting
        }
    }

    @Override
    public void parkTimeout(Duration timeout) {
        owner = Thread.currentThread();
        long start = System.nanoTime();
        long total = timeout.toNanos();
        while (!token.compareAndSet(true, false)) {
            long left = total - (System.nanoTime() - start);
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                return;
            }
            LockSupport.parkNanos(this, left);
        }
    }

    @Override
    public Unparker unparker() {
        return () -> {
            token.set(true);
            Thread parked = owner;
            if (parked != null) {
                LockSupport.unpark(parked);
            }
        };
    }
}
