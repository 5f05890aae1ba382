package fearless.grader.check.race;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Finds threads that a piece of a check started and that are still running after it: a scope that
 * returned before its threads ended, a computation that left workers behind. A snapshot of the
 * live threads is taken before, compared with the live threads after; the new ones get a short
 * {@link #GRACE} to end by themselves (a thread that has done its work may take a moment to
 * terminate), and those still alive then are the leak, reported with a {@link ThreadDump}.
 *
 * <pre>{@code
 * int sum = ThreadLeaks.check("a thread started by the submission was still running after scope() returned (T6)",
 *         () -> scopes.scope(s -> ...));
 * }</pre>
 *
 * <p>Threads the JDK starts for itself (in the system thread group) are never counted. A thread
 * that started and ended inside the action is not a leak. Leaked threads are left running: the
 * check releases what they wait for, once it has reported them.
 */
public final class ThreadLeaks {

    /** How long new threads still alive after the action get to end by themselves, on an idle machine. */
    public static final Duration GRACE = Duration.ofMillis(150);

    /** The most a busy machine may stretch {@link #GRACE}. */
    private static final Duration MAX_GRACE = Duration.ofMillis(1_000);

    private final Set<Thread> before;

    private ThreadLeaks(Set<Thread> before) {
        this.before = before;
    }

    /** Remembers the threads alive now, to compare with later. */
    public static ThreadLeaks snapshot() {
        Set<Thread> alive = Collections.newSetFromMap(new IdentityHashMap<>());
        alive.addAll(liveThreads());
        return new ThreadLeaks(alive);
    }

    /**
     * Runs {@code action} on this thread and returns what it returned, then fails with
     * {@code firstLine} and a dump if threads started meanwhile are still alive after the grace
     * ({@link #assertNoneLeft}). If the action throws, that is rethrown, unless threads leaked: the
     * leak is then the failure, with the action's throwable attached.
     */
    public static <T> T check(String firstLine, Supplier<T> action) {
        Objects.requireNonNull(firstLine);
        ThreadLeaks leaks = snapshot();
        T result;
        try {
            result = action.get();
        } catch (RuntimeException | Error failure) {
            List<Thread> left = leaks.stillAlive();
            if (!left.isEmpty()) {
                AssertionFailedError leak = leaks.failure(firstLine, left);
                leak.addSuppressed(failure);
                throw leak;
            }
            throw failure;
        }
        leaks.assertNoneLeft(firstLine);
        return result;
    }

    /** Threads alive now that were not alive at the snapshot (the JDK's own and the calling thread left out). */
    public List<Thread> startedSince() {
        List<Thread> fresh = new ArrayList<>();
        Thread self = Thread.currentThread();
        for (Thread t : liveThreads()) {
            if (t != self && !before.contains(t) && !isJdkService(t)) {
                fresh.add(t);
            }
        }
        return fresh;
    }

    /**
     * The threads started since the snapshot that are still alive after the grace: {@link #GRACE},
     * stretched for a busy machine ({@link Patience#stretched}) only when some thread outlives it.
     */
    public List<Thread> stillAlive() {
        List<Thread> left = awaitEnd(startedSince(), GRACE);
        if (!left.isEmpty()) {
            Duration more = Patience.stretched(GRACE, 1, MAX_GRACE).minus(GRACE);
            if (!more.isNegative() && !more.isZero()) {
                left = awaitEnd(left, more);
            }
        }
        return left;
    }

    /** Fails with {@code firstLine} and a dump of the threads started since the snapshot that outlive the grace. */
    public void assertNoneLeft(String firstLine) {
        List<Thread> left = stillAlive();
        if (!left.isEmpty()) {
            throw failure(firstLine, left);
        }
    }

    private AssertionFailedError failure(String firstLine, List<Thread> left) {
        return new AssertionFailedError(firstLine + "\n" + left.size() + (left.size() == 1 ? " thread" : " threads")
                + " started during it still running " + GRACE.toMillis() + " ms and more after it ended:\n"
                + ThreadDump.of(left));
    }

    /** Waits for {@code threads} to end, {@code grace} at most in all; those still alive. */
    private static List<Thread> awaitEnd(List<Thread> threads, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        boolean interrupted = false;
        List<Thread> left = new ArrayList<>();
        for (Thread t : threads) {
            long millis = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            try {
                if (millis > 0) {
                    t.join(millis);
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (t.isAlive()) {
                left.add(t);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return left;
    }

    /** Every live thread of the JVM, through the root thread group (cheaper than stack traces). */
    private static List<Thread> liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n;
        while ((n = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        List<Thread> alive = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (threads[i].isAlive()) {
                alive.add(threads[i]);
            }
        }
        return alive;
    }

    /** The JDK's own threads (reference handling, cleaners, attach): in the system group or an innocuous one. */
    private static boolean isJdkService(Thread t) {
        ThreadGroup group = t.getThreadGroup();
        return group == null || group.getParent() == null || "InnocuousThreadGroup".equals(group.getName());
    }
}
