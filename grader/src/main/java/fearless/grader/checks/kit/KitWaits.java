package fearless.grader.checks.kit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The kit's own wait-for graph: what each thread waits for inside the kit's primitives right
 * now, and which thread must act to end that wait. The JVM's deadlock detector sees monitors and
 * {@code ReentrantLock}s only: a thread joining another, or receiving on a channel whose sender
 * nobody closes, is invisible to it, and so is a cycle through them. Each wait of the kit
 * registers here while it lasts, so that a hung check can name every thread, what it waits on,
 * and the cycle, if there is one.
 */
public final class KitWaits {

    /**
     * One wait: what the thread is doing, in words that name whoever can end it ("lock() on a
     * mutex held by 'worker-0'"), and that thread, when the kit knows one (the joined thread, the
     * mutex's holder), else null.
     * Both are read when the graph is explained, not when the wait began.
     */
    record Wait(Supplier<String> what, Supplier<Thread> on) {
    }

    private static final Map<Thread, Wait> WAITING = new ConcurrentHashMap<>();

    private KitWaits() {
    }

    /** Registers the calling thread's wait; {@link #end()} removes it. */
    static void begin(Supplier<String> what, Supplier<Thread> on) {
        WAITING.put(Thread.currentThread(), new Wait(what, on));
    }

    /** The calling thread waits no more. */
    static void end() {
        WAITING.remove(Thread.currentThread());
    }

    /** The thread that must act to end {@code thread}'s wait in the kit right now (the joined thread, a mutex's holder), if the kit knows one. */
    public static Optional<Thread> waitsFor(Thread thread) {
        Wait wait = WAITING.get(thread);
        return wait == null ? Optional.empty() : Optional.ofNullable(wait.on().get());
    }

    /**
     * One line per live thread of {@code threads} that waits for something the kit knows of, or
     * for a lock the JVM knows the holder of, then the wait cycle among them, if there is one:
     * a thread waiting for a second that waits, through any number of others, for the first.
     * Empty when no thread of them waits on anything the kit or the JVM can name.
     */
    public static String explain(Collection<Thread> threads) {
        List<Thread> alive = threads.stream().filter(Thread::isAlive).distinct().toList();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        StringBuilder out = new StringBuilder();
        for (Thread thread : alive) {
            String what = waitOf(thread, mx);
            if (what != null) {
                out.append("  '").append(thread.getName()).append("' waits in ").append(what).append('\n');
            }
        }
        List<Thread> cycle = cycle(alive, mx);
        if (!cycle.isEmpty()) {
            out.append("  wait cycle (deadlock): ");
            for (Thread t : cycle) {
                out.append('\'').append(t.getName()).append("' waits for ");
            }
            out.append('\'').append(cycle.get(0).getName()).append("'\n");
        }
        return out.toString();
    }

    /** The thread's wait as the kit knows it, else the JVM's lock and its holder, else null. */
    private static String waitOf(Thread thread, ThreadMXBean mx) {
        Wait wait = WAITING.get(thread);
        if (wait != null) {
            return wait.what().get();
        }
        ThreadInfo info = mx.getThreadInfo(thread.getId());
        if (info == null || info.getLockOwnerName() == null) {
            return null;
        }
        return "a lock (" + info.getLockName() + ") held by '" + info.getLockOwnerName() + "'";
    }

    /** The thread that must act for {@code thread} to go on: the kit's knowledge first, then the JVM's. */
    private static Thread next(Thread thread, ThreadMXBean mx, Collection<Thread> among) {
        Wait wait = WAITING.get(thread);
        if (wait != null) {
            return wait.on().get();
        }
        ThreadInfo info = mx.getThreadInfo(thread.getId());
        if (info == null || info.getLockOwnerId() < 0) {
            return null;
        }
        for (Thread t : among) {
            if (t.getId() == info.getLockOwnerId()) {
                return t;
            }
        }
        return null;
    }

    /**
     * The first wait cycle among the live threads of {@code threads}, as the threads in it, in the
     * order they wait for each other; empty if there is none.
     */
    public static List<Thread> cycle(Collection<Thread> threads) {
        return cycle(threads.stream().filter(Thread::isAlive).distinct().toList(),
                ManagementFactory.getThreadMXBean());
    }

    private static List<Thread> cycle(List<Thread> threads, ThreadMXBean mx) {
        for (Thread start : threads) {
            Set<Thread> path = new LinkedHashSet<>();
            Thread at = start;
            while (at != null && path.add(at)) {
                at = next(at, mx, threads);
            }
            if (at != null) {
                List<Thread> inPath = new ArrayList<>(path);
                return inPath.subList(inPath.indexOf(at), inPath.size());
            }
        }
        return List.of();
    }
}
