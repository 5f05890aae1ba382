package fearless.grader.checks.threadpool;

import fearless.api.Unimplemented;
import fearless.api.capstones.ThreadPool;
import fearless.api.capstones.ThreadPoolProvider;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.ThreadDump;
import fearless.grader.checks.kit.KitChannels;
import fearless.grader.checks.kit.KitMutex;
import fearless.grader.checks.kit.KitMutexes;
import fearless.grader.checks.kit.KitThreads;
import fearless.grader.checks.kit.KitWaits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * A submission's pool on the kit's threads, channels and mutexes, and what the kit saw of it:
 * every worker spawned, every lock taken, every channel end left open. Each call into the pool
 * runs on a caller thread of the check's own, bounded: a {@code close()} that never returns fails
 * with who waits on what (the kit's wait-for graph), not a bare timeout.
 */
final class Pools {

    /** The lesson every thread-pool check points to. */
    static final String LESSON = "course-notes/10-capstones.md";

    /** How long a call may take before the check looks for what holds it up; the solution needs milliseconds. */
    private static final Duration PLAIN_WAIT = Duration.ofSeconds(1);

    final KitThreads threads = new KitThreads();
    final KitChannels channels = new KitChannels();
    final KitMutexes mutexes = new KitMutexes();
    /** What the pool is given as its channels: the kit's, counting receives made without the lock. */
    final LockedReceives receives = new LockedReceives(channels, mutexes);
    private final List<Thread> callers = new ArrayList<>();

    /** What a call did: returned a value, or threw. */
    record Outcome(Object returned, Throwable thrown) {

        /** The value, or a failure naming the call: a stub's "not yet implemented" goes on as it is. */
        Object orFail(String call, String rule) {
            if (thrown instanceof Unimplemented stub) {
                throw stub;
            }
            if (thrown != null) {
                throw new AssertionFailedError(call + " must return (" + rule + "), but it threw "
                        + Safely.describe(thrown), thrown);
            }
            return returned;
        }
    }

    /** A new pool of {@code size} workers from the submission, on the kit's primitives. */
    ThreadPool create(int size) {
        return (ThreadPool) attempt("ThreadPoolProvider.create(" + size + ", ...)",
                () -> Submission.provider(ThreadPoolProvider.class).create(size, threads, receives, mutexes))
                .orFail("ThreadPoolProvider.create(" + size + ", ...)", "W1");
    }

    /** {@code pool.execute(job)}, which must return. */
    void execute(ThreadPool pool, Runnable job, String call) {
        attempt(call, () -> {
            pool.execute(job);
            return null;
        }).orFail(call, "W1");
    }

    /** {@code pool.close()}, which must return. */
    void close(ThreadPool pool) {
        attempt("close()", () -> {
            pool.close();
            return null;
        }).orFail("close()", "W4");
    }

    /**
     * Runs one call of the submission on a caller thread of the check's own. A call that does not
     * return in time fails the check with the threads involved, what each waits on, and the
     * cycle if there is one; then every channel is severed so the stuck threads can end.
     */
    Outcome attempt(String call, Supplier<?> body) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread runner = new Thread(() -> {
            try {
                result[0] = body.get();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "pool-caller");
        runner.setDaemon(true);
        synchronized (callers) {
            callers.add(runner);
        }
        runner.start();
        if (!Patience.awaitEnd(runner, PLAIN_WAIT, Duration.ofSeconds(4))) {
            List<Thread> involved = new ArrayList<>(threads.threads());
            involved.add(runner);
            String explained = KitWaits.explain(involved);
            String dump = ThreadDump.of(involved);
            String why = diagnose(call, runner);
            channels.severAll();
            throw new AssertionFailedError(call + " did not return: " + why + "\nWhere each thread waits:\n"
                    + explained + "Thread dump:\n" + dump);
        }
        return new Outcome(result[0], failure[0]);
    }

    /** Why a call hangs, as far as the kit can tell. */
    private String diagnose(String call, Thread runner) {
        if (call.startsWith("execute(")) {
            return "execute() sends the job to the workers and returns without waiting for it to run (W1), but it "
                    + "was still busy. A job runs on a worker, never on the caller's thread.";
        }
        boolean senderOpen = channels.openEnds().stream().anyMatch(e -> e.kind() == KitChannels.Kind.SENDER);
        boolean joiningAWorker = KitWaits.waitsFor(runner).filter(threads::isSpawnedThread).isPresent();
        if (call.equals("close()") && senderOpen && joiningAWorker && channels.receiversWaiting() > 0) {
            return "close() joins a worker while the job channel's sender is still open. The worker waits in recv() "
                    + "for a job that will never come; only closing the sender would end its wait, and close() "
                    + "waits for the worker first: a wait cycle. Close the sender, then join every worker, as "
                    + "Rust's drop does with drop(self.sender.take()) before the joins (W4).";
        }
        KitMutex<?> held = heldMutex();
        Thread holder = held == null ? null : held.holder();
        if (holder != null && holder != runner) {
            return "'" + holder.getName() + "' holds the receiver's mutex and does not let it go, so the other "
                    + "threads cannot receive (W2).";
        }
        return call + " waits for the pool's threads, which do not end (W4).";
    }

    /** A kit mutex some thread holds right now, or null. */
    KitMutex<?> heldMutex() {
        for (KitMutex<?> mutex : mutexes.made()) {
            if (mutex.holder() != null) {
                return mutex;
            }
        }
        return null;
    }

    /** Whether {@code thread} is one of the check's caller threads. */
    boolean isCaller(Thread thread) {
        synchronized (callers) {
            return callers.contains(thread);
        }
    }

    static void check(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new AssertionFailedError(message.get());
        }
    }

    /**
     * Numbered jobs that record how often each one ran and on which thread. Job {@code i} is
     * {@code job(i)}; a job made by {@link #failing} throws after it is counted.
     */
    static final class Jobs {
        private final AtomicInteger[] runs;
        private final AtomicReferenceArray<Thread> ranOn;

        Jobs(int count) {
            runs = new AtomicInteger[count];
            for (int i = 0; i < count; i++) {
                runs[i] = new AtomicInteger();
            }
            ranOn = new AtomicReferenceArray<>(count);
        }

        Runnable job(int i) {
            return () -> {
                ranOn.set(i, Thread.currentThread());
                runs[i].incrementAndGet();
            };
        }

        /** Job {@code i}, which throws {@code failure} once counted. */
        Runnable failing(int i, Supplier<? extends Throwable> failure) {
            return () -> {
                job(i).run();
                Throwable t = failure.get();
                if (t instanceof RuntimeException e) {
                    throw e;
                }
                throw (Error) t;
            };
        }

        int count() {
            return runs.length;
        }

        int runsOf(int i) {
            return runs[i].get();
        }

        Thread threadOf(int i) {
            return ranOn.get(i);
        }

        /** How many jobs ran at least once. */
        int ran() {
            int ran = 0;
            for (AtomicInteger r : runs) {
                ran += r.get() > 0 ? 1 : 0;
            }
            return ran;
        }

        /** "jobs 3, 7 never ran; job 2 ran twice", or "" when each ran exactly once. */
        String discrepancies() {
            List<String> never = new ArrayList<>();
            List<String> more = new ArrayList<>();
            for (int i = 0; i < runs.length; i++) {
                int n = runs[i].get();
                if (n == 0) {
                    never.add(String.valueOf(i));
                } else if (n > 1) {
                    more.add("job " + i + " ran " + n + " times");
                }
            }
            List<String> parts = new ArrayList<>();
            if (!never.isEmpty()) {
                parts.add(never.size() == 1 ? "job " + never.get(0) + " never ran"
                        : never.size() + " jobs never ran (" + shortList(never) + ")");
            }
            parts.addAll(more.subList(0, Math.min(3, more.size())));
            return String.join("; ", parts);
        }

        private static String shortList(List<String> ids) {
            return ids.size() <= 8 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 8)) + ", ...";
        }
    }
}
