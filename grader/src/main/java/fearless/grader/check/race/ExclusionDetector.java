package fearless.grader.check.race;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.opentest4j.AssertionFailedError;

/**
 * Detects two threads inside a region that must be exclusive (a critical section, a one-winner
 * move). Call {@link #enter()} first thing inside the region and {@link #exit()} last thing; the
 * first overlap is recorded with the names of the thread that got in and of those still inside,
 * independently of what the code under test reports about itself.
 */
public final class ExclusionDetector {

    /** The threads inside the region now: each adds itself on entry, so a second one sees the first. */
    private final Set<Thread> inside = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> firstOverlap = new AtomicReference<>();

    /** The calling thread enters the region. */
    public void enter() {
        Thread me = Thread.currentThread();
        inside.add(me);
        List<String> others = new ArrayList<>();
        for (Thread t : inside) {
            if (t != me) {
                others.add("\"" + t.getName() + "\"");
            }
        }
        if (!others.isEmpty()) {
            firstOverlap.compareAndSet(null, "\"" + me.getName() + "\" got in while " + String.join(" and ", others)
                    + (others.size() == 1 ? " was" : " were") + " still inside");
        }
    }

    /** The calling thread leaves the region. */
    public void exit() {
        inside.remove(Thread.currentThread());
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
