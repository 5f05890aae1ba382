package fearless.solutions.parker;

import fearless.api.thread.Parker;
import fearless.api.thread.Unparker;
import java.time.Duration;

/**
 * A parker built from one Java monitor: a boolean token, guarded by {@code monitor}, and the
 * monitor's {@code wait}/{@code notifyAll} to block and wake (T7).
 *
 * <p>Why it is built this way: checking the token and starting to wait must be one step, or an
 * unpark that comes in between is lost. {@code monitor.wait()} releases the lock only once the
 * thread is waiting, and {@code unpark} sets the token and notifies under the same lock, so the
 * token is either seen by the check or delivered by the notification. The token is a boolean,
 * not a count: two unparks leave one token. The timed park waits against a deadline, so a
 * wake-up that brings no token never restarts the timeout.
 */
public final class MonitorParker implements Parker {

    private final Object monitor = new Object();

    /** Whether an unpark left a token that no park has taken yet (guarded by {@code monitor}). */
    private boolean token;

    @Override
    public void park() {
        synchronized (monitor) {
            while (!token) {
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // return with the status set, as LockSupport.park does
                    return;
                }
            }
            token = false;
        }
    }

    @Override
    public void parkTimeout(Duration timeout) {
        long start = System.nanoTime();
        long total = nanos(timeout);
        synchronized (monitor) {
            while (!token) {
                long left = total - (System.nanoTime() - start);
                if (left <= 0) {
                    return; // timed out, or a zero or negative timeout: no token to take
                }
                try {
                    monitor.wait(left / 1_000_000, (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            token = false;
        }
    }

    @Override
    public Unparker unparker() {
        return this::unpark;
    }

    /** Leaves the token (one at most) and wakes the parked thread, if any. */
    private void unpark() {
        synchronized (monitor) {
            token = true;
            monitor.notifyAll();
        }
    }

    /** The timeout in nanoseconds; a huge one saturates instead of overflowing. */
    private static long nanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return timeout.isNegative() ? 0 : Long.MAX_VALUE;
        }
    }
}
