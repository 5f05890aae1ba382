package fearless.grader.checks.threadpool;

import static fearless.grader.checks.threadpool.Pools.check;

import fearless.api.Unimplemented;
import fearless.api.capstones.ThreadPool;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.ThreadDump;
import fearless.grader.checks.kit.KitMutex;
import fearless.grader.checks.kit.KitWaits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.opentest4j.AssertionFailedError;

/**
 * The pool under threads: a slow job beside quick ones (the lock must not be held while a job
 * runs), and shutdown while jobs sent from several threads at once are still queued.
 */
@Exercise("thread-pool")
class ThreadPoolRaceChecks {

    /** How long the slow job waits for the check to release it, at most. */
    private static final Duration SLOW_JOB_LIMIT = Duration.ofSeconds(10);

    private static final int SUBMITTERS = 4;

    private static final int JOBS_EACH = 40;

    private static final int ROUNDS = 8;

    /**
     * On a pool of 2, one job blocks until the check releases it; the 6 jobs sent after it must
     * all run meanwhile on the other worker. A worker that keeps the receiver's lock while it runs
     * its job (Rust's {@code while let Ok(job) = receiver.lock().unwrap().recv()}) holds them all up (W2).
     */
    @Graded(points = 3, category = Category.RACE, rules = {"W2"})
    void a_slow_job_does_not_hold_up_the_others() {
        Pools pools = new Pools();
        ThreadPool pool = pools.create(2);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> slowWorker = new AtomicReference<>();
        pools.execute(pool, () -> {
            slowWorker.set(Thread.currentThread());
            started.countDown();
            awaitQuietly(release, SLOW_JOB_LIMIT);
        }, "execute(slow job)");
        try {
            Duration bound = Patience.stretched(Duration.ofSeconds(1), 2, Duration.ofSeconds(4));
            check(awaitQuietly(started, bound), () -> "the slow job must start on a worker soon after execute() "
                    + "(W1), but it had not started after " + bound.toMillis() + " ms");
            Pools.Jobs quick = new Pools.Jobs(6);
            for (int i = 0; i < quick.count(); i++) {
                pools.execute(pool, quick.job(i), "execute(quick job " + i + ")");
            }
            if (!Patience.until(bound, () -> quick.ran() == quick.count())) {
                throw new AssertionFailedError(heldUp(pools, slowWorker.get(), quick));
            }
        } finally {
            release.countDown();
        }
        pools.close(pool);
    }

    /** The feedback when the quick jobs did not run: who holds the receiver's lock, and who waits for it. */
    private static String heldUp(Pools pools, Thread slow, Pools.Jobs quick) {
        KitMutex<?> held = pools.heldMutex();
        String first = "a worker holds the receiver's lock only to receive, never while it runs a job, so that a "
                + "slow job does not hold up the others (W2), but while one job was still running on a pool of 2, "
                + (quick.count() - quick.ran()) + " of the 6 quick jobs sent after it never ran";
        if (held != null && held.holder() == slow) {
            first += ": '" + slow.getName() + "' runs the slow job while it still holds the receiver's mutex, so the "
                    + "other worker cannot receive. Close the guard right after recv(), before running the job (Rust's "
                    + "`while let Ok(job) = receiver.lock().unwrap().recv()` keeps the guard for the whole loop body)";
        }
        List<Thread> involved = new ArrayList<>(pools.threads.threads());
        return first + ".\nWhere each thread waits:\n" + KitWaits.explain(involved) + "Thread dump:\n"
                + ThreadDump.of(involved);
    }

    /**
     * Four threads send 40 jobs each to a pool of 3 at the same time, and {@code close()} comes
     * right after, with most jobs still queued: every job runs exactly once, before close
     * returns, and every worker is joined (W1, W4). Eight rounds, each on a fresh pool.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"W1", "W4"})
    void close_after_concurrent_executes_runs_every_job() {
        for (int round = 0; round < ROUNDS; round++) {
            Pools pools = new Pools();
            ThreadPool pool = pools.create(3);
            Pools.Jobs jobs = new Pools.Jobs(SUBMITTERS * JOBS_EACH);
            submitTogether(pool, jobs);
            pools.close(pool);
            int r = round;
            String wrong = jobs.discrepancies();
            check(wrong.isEmpty(), () -> "every job sent runs exactly once, before close() returns (W1, W4), but in round "
                    + (r + 1) + " (4 threads each sending 40 jobs to a pool of 3 at once, then close()), " + wrong);
            int notJoined = pools.threads.notJoined();
            check(notJoined == 0, () -> "close() joins every worker (W4), but in round " + (r + 1) + ", " + notJoined
                    + " of the " + pools.threads.spawnCount() + " workers had not been joined when it returned");
        }
    }

    /** The submitters, released together; each job yields now and then, so workers and submitters interleave. */
    private static void submitTogether(ThreadPool pool, Pools.Jobs jobs) {
        CountDownLatch gate = new CountDownLatch(1);
        Throwable[] failure = new Throwable[1];
        List<Thread> submitters = new ArrayList<>();
        for (int s = 0; s < SUBMITTERS; s++) {
            int first = s * JOBS_EACH;
            Thread submitter = new Thread(() -> {
                awaitQuietly(gate, Duration.ofSeconds(5));
                try {
                    for (int i = first; i < first + JOBS_EACH; i++) {
                        Runnable counted = jobs.job(i);
                        int n = i;
                        pool.execute(() -> {
                            if (n % 4 == 0) {
                                Thread.yield();
                            }
                            counted.run();
                        });
                    }
                } catch (Throwable e) {
                    synchronized (failure) {
                        failure[0] = failure[0] == null ? e : failure[0];
                    }
                }
            }, "submitter-" + s);
            submitter.setDaemon(true);
            submitters.add(submitter);
            submitter.start();
        }
        gate.countDown();
        for (Thread submitter : submitters) {
            if (!Patience.awaitEnd(submitter, Duration.ofSeconds(2), Duration.ofSeconds(6))) {
                throw new AssertionFailedError("execute() sends the job and returns at once (W1), but '"
                        + submitter.getName() + "' was still inside execute() seconds after the call:\n"
                        + ThreadDump.of(submitters));
            }
        }
        synchronized (failure) {
            if (failure[0] instanceof Unimplemented stub) {
                throw stub;
            }
            if (failure[0] != null) {
                throw new AssertionFailedError("several threads may call execute() at the same time (W1), but one of "
                        + "4 threads sending at once got " + Safely.describe(failure[0]), failure[0]);
            }
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch, Duration bound) {
        try {
            return latch.await(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
