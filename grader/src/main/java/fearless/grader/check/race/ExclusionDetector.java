package fearless.grader.check.race;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.opentest4j.AssertionFailedError;

/**
 * Detects two threads inside a region that must be exclusive (a critical section, a one-winner
 * move). Call {@link #enter()} first thing inside the region and {@link #exit()} last thing; the
 * first overlap is recorded with both threads' names, independently of what the code under test
 * reports about itself.
 */
public final class ExclusionDetector {

    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicReference<String> firstOverlap = new AtomicReference<>();
    private volatile String occupant = "?";

    /** The calling thread enters the region. */
    public void enter() {
        String me = Thread.currentThread().getName();
        int now = inside.incrementAndGet();
        if (now > 1) {
            firstOverlap.compareAndSet(null, "\"" + me + "\" got in while \"" + occupant + "\" was still inside ("
                    + now + " threads inside at once)");
        }
        occupant = me;
    }

    /** The calling thread leaves the region. */
    public void exit() {
        inside.decrementAndGet();
    }

    /** Whether two threads were ever inside at once. */
    public boolean violated() {
        return firstOverlap.get() != null;
    }

    /** The first overlap seen, or null. */
    public String evidence() {
        return firstOverlap.get();
    }

    /** Fails with {@code firstLine} and the evidence if two threads were ever inside at once. */
    public void assertExclusive(String firstLine) {
        String seen = firstOverlap.get();
        if (seen != null) {
            throw new AssertionFailedError(firstLine + "\n  " + seen);
        }
    }
}
