package fearless.grader.check.race;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Tells threads that are stuck from threads that are slow. A wall-clock bound alone punishes a
 * correct submission on a busy machine (a shared CI runner, a class graded with more jobs than
 * cores), so past its time a group of threads is judged hung only on evidence: a whole
 * {@link #QUIET} window in which none of them could run (each waits without a timeout, or is
 * blocked on a monitor), none ended, and no check reported {@link #progress()}. Threads that keep
 * running without reporting progress (a spin that never ends looks like slow work) are judged hung
 * at a bound that scales with the measured speed of the machine: the time they were given, times
 * how much slower than an idle core this JVM runs right now ({@link #slowdown()}), times the
 * caller's margin; each report of progress moves that bound to at least one more period away.
 *
 * <p>A lost wake-up or a deadlock is therefore reported {@code QUIET} after the bound, as before
 * on an idle machine; a correct submission on a machine four times busier only takes longer.
 */
public final class Patience {

    /** How long threads past their time must show no sign of life to be judged stuck. */
    public static final Duration QUIET = Duration.ofMillis(500);

    /** The most a busy machine may stretch a bound: past it, running threads are stuck however slow the machine. */
    public static final int MAX_SLOWDOWN = 8;

    private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

    private static final Duration PROMPT = Duration.ofMillis(500);
    private static final Duration MAX_PROMPT = Duration.ofSeconds(2);
    private static final long PROMPT_KEPT_NANOS = 2_000_000_000L;
    private static Duration prompt;
    private static long promptMeasuredAt;

    /** Where the work of {@link #slowdown()} goes, so that the compiler cannot drop it. */
    private static volatile long sink;

    /** Progress reported by the checks of this JVM (one check runs at a time). */
    private static final AtomicLong PROGRESS = new AtomicLong();

    /**
     * Threads waiting in {@link #await} right now: a bounded scenario that waits for a nested one
     * is only watching, and its timed wait is no sign of life.
     */
    private static final Set<Thread> WATCHERS = ConcurrentHashMap.newKeySet();

    /** Waits at most {@code nanos} for the watched work to end; true if it has. */
    @FunctionalInterface
    interface Wait {
        boolean until(long nanos) throws InterruptedException;
    }

    /** How a wait ended. */
    enum Verdict {
        /** The work ended. */
        DONE,
        /** Past its time, nothing could run for a whole quiet window: blocked for good. */
        STUCK,
        /** Still running, without reported progress, at the cap: an endless loop. */
        SPINNING
    }

    private Patience() {
    }

    /**
     * A check's threads call this where they make progress (a lock taken, a message received), so
     * threads that run slowly are never mistaken for threads that spin.
     */
    public static void progress() {
        PROGRESS.incrementAndGet();
    }

    /**
     * Waits {@code timeout} for the work, then on while the {@code threads} it runs on show signs
     * of life: blocked threads for at most {@link #QUIET} more, running ones until {@code timeout}
     * stretched by the machine's {@link #slowdown()} and then by {@code margin}.
     */
    static Verdict await(Duration timeout, double margin, Wait done, Supplier<? extends Collection<Thread>> threads) {
        long start = System.nanoTime();
        WATCHERS.add(Thread.currentThread());
        try {
            if (done.until(timeout.toNanos())) {
                return Verdict.DONE;
            }
            long cap = start + (long) (timeout.toNanos() * slowdown() * margin) + QUIET.toNanos();
            long seen = PROGRESS.get();
            int alive = -1;
            long quietSince = System.nanoTime();
            while (true) {
                Collection<Thread> live = threads.get();
                long now = System.nanoTime();
                boolean moving = PROGRESS.get() != seen || live.size() != alive || live.stream().anyMatch(Patience::mayRun);
                if (PROGRESS.get() != seen) {
                    cap = Math.max(cap, now + timeout.toNanos()); // reported progress: slow, not spinning
                }
                if (moving) {
                    seen = PROGRESS.get();
                    alive = live.size();
                    quietSince = now;
                } else if (now - quietSince >= QUIET.toNanos()) {
                    return Verdict.STUCK;
                }
                if (now - cap >= 0) {
                    return live.stream().anyMatch(Patience::mayRun) ? Verdict.SPINNING : Verdict.STUCK;
                }
                if (done.until(POLL_NANOS)) {
                    return Verdict.DONE;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.STUCK;
        } finally {
            WATCHERS.remove(Thread.currentThread());
        }
    }

    /**
     * How many times slower than an idle core this thread runs now, from 1 to {@link #MAX_SLOWDOWN}:
     * the wall time of 20 ms of work over the CPU time it got. Threads spinning in the submission
     * take a core each, so they do not count as load unless the machine has none to spare.
     */
    static double slowdown() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!mx.isCurrentThreadCpuTimeSupported()) {
            return 1;
        }
        long wall = System.nanoTime();
        long cpu = mx.getCurrentThreadCpuTime();
        long x = wall;
        while (mx.getCurrentThreadCpuTime() - cpu < 20_000_000L) {
            for (int i = 0; i < 10_000; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
        }
        sink = x;
        double ratio = (double) (System.nanoTime() - wall) / Math.max(1, mx.getCurrentThreadCpuTime() - cpu);
        return Math.max(1, Math.min(MAX_SLOWDOWN, ratio));
    }

    /**
     * A bound on the clock for this machine now: {@code base} times the {@link #slowdown()} times
     * {@code margin}, at most {@code cap}. For checks that must give a slow machine more time
     * rather than judge it (a backstop, a budget of work).
     */
    public static Duration stretched(Duration base, double margin, Duration cap) {
        Duration stretched = Duration.ofNanos((long) (base.toNanos() * margin * slowdown()));
        return stretched.compareTo(cap) < 0 ? stretched : cap;
    }

    /** Waits, polling every millisecond, at most {@code bound}, until {@code condition} holds; whether it did. */
    public static boolean until(Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(1_000_000);
        }
        return true;
    }

    /**
     * Waits for {@code thread} to end: {@code plain} first, then, only if it still runs, that time
     * {@link #stretched} for the machine's load (margin 2, at most {@code cap}); whether it ended.
     * Measuring the load costs 20 ms of processor time, so only a thread already late pays it,
     * never every call of a check.
     */
    public static boolean awaitEnd(Thread thread, Duration plain, Duration cap) {
        try {
            thread.join(plain.toMillis());
            if (thread.isAlive()) {
                thread.join(Math.max(1, stretched(plain, 2, cap).minus(plain).toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /**
     * How long a call that should return at once (a token is there, a message is buffered, the
     * other side is gone) may take on this machine now: half a second stretched for the load, at
     * most two. Generous, since a correct call answers in microseconds and a broken one never does.
     * Measured at most every two seconds: measuring costs 20 ms of processor time, too much to
     * spend in every call of a check, while the load changes over seconds.
     */
    public static synchronized Duration prompt() {
        long now = System.nanoTime();
        if (prompt == null || now - promptMeasuredAt > PROMPT_KEPT_NANOS) {
            prompt = stretched(PROMPT, 1, MAX_PROMPT);
            promptMeasuredAt = System.nanoTime();
        }
        return prompt;
    }

    /** The feedback's account of a hang: how long it lasted, the time allowed, and the evidence. */
    static String account(Verdict verdict, long startNanos, Duration timeout) {
        String evidence = verdict == Verdict.SPINNING
                ? "they were still running at the bound, stretched for this machine's load: an endless loop?"
                : "none of them could run for " + QUIET.toMillis() + " ms (each waits with no timeout, or is "
                        + "blocked on a lock), so nothing will ever wake them";
        return "after " + (System.nanoTime() - startNanos) / 1_000_000 + " ms (" + timeout.toMillis()
                + " ms allowed), and " + evidence;
    }

    /** Runnable, or in a wait that ends by itself: this thread may still move on its own. */
    private static boolean mayRun(Thread t) {
        if (WATCHERS.contains(t)) {
            return false;
        }
        Thread.State state = t.getState();
        return state == Thread.State.RUNNABLE || state == Thread.State.TIMED_WAITING || state == Thread.State.NEW;
    }
}
