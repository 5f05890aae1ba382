package fearless.grader.checks.threadpool;

import static fearless.grader.checks.threadpool.Pools.check;

import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import fearless.api.Unimplemented;
import fearless.api.capstones.ThreadPool;
import fearless.api.capstones.ThreadPoolProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.Patience;
import java.time.Duration;

/** The Rust book's scenarios: jobs all run on the workers, shutdown joins them, and each way to misuse a pool. */
@Exercise("thread-pool")
class ThreadPoolBehaviourChecks {

    /** A failure a job throws on purpose. */
    static final class JobFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JobFailure(String message) {
            super(message);
        }
    }

    /** An {@link Error} a job throws on purpose: not an exception, and still only the job's failure. */
    static final class JobMeltdown extends Error {
        private static final long serialVersionUID = 1L;

        JobMeltdown(String message) {
            super(message);
        }
    }

    /**
     * The book's main: a pool of 4, then 8 jobs. Each runs exactly once, on one of the 4 workers
     * spawned through the kit when the pool was made, never on the caller; no thread is spawned
     * per job (W1).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"W1"})
    void all_jobs_run_on_the_workers() {
        Pools pools = new Pools();
        ThreadPool pool = pools.create(4);
        int atCreate = pools.threads.spawnCount();
        check(atCreate == 4, () -> "ThreadPoolProvider.create(4, ...) must spawn its 4 workers through the Threads "
                + "given, at once (W1), but it spawned " + atCreate);
        Pools.Jobs jobs = new Pools.Jobs(8);
        for (int i = 0; i < jobs.count(); i++) {
            pools.execute(pool, jobs.job(i), "execute(job " + i + ")");
        }
        pools.close(pool);
        String wrong = jobs.discrepancies();
        check(wrong.isEmpty(), () -> "each job sent to a pool of 4 runs exactly once, before close() returns (W1), "
                + "but after 8 execute() calls and close(), " + wrong);
        for (int i = 0; i < jobs.count(); i++) {
            Thread ranOn = jobs.threadOf(i);
            int job = i;
            check(!pools.isCaller(ranOn), () -> "a job runs on a worker, never on the thread that called execute() (W1), "
                    + "but job " + job + " ran on the caller's thread");
            check(pools.threads.isSpawnedThread(ranOn), () -> "a job runs on one of the pool's workers, spawned through "
                    + "the Threads given (W1), but job " + job + " ran on '" + ranOn.getName() + "'");
        }
        int spawned = pools.threads.spawnCount();
        check(spawned == 4, () -> "a pool of 4 spawns 4 workers and no thread per job (W1), but after 8 jobs it had "
                + "spawned " + spawned + " threads");
    }

    /**
     * Jobs still queued when {@code close()} is called all run before it returns, and by then
     * every worker has been joined and has ended (W4, M3).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"W4", "M3"})
    void close_runs_queued_jobs_then_joins_every_worker() {
        Pools pools = new Pools();
        ThreadPool pool = pools.create(2);
        Pools.Jobs jobs = new Pools.Jobs(12);
        for (int i = 0; i < jobs.count(); i++) {
            int n = i;
            Runnable counted = jobs.job(i);
            pools.execute(pool, () -> {
                if (n % 3 == 0) {
                    sleepQuietly(20);
                }
                counted.run();
            }, "execute(job " + i + ")");
        }
        pools.close(pool);
        String wrong = jobs.discrepancies();
        check(wrong.isEmpty(), () -> "every job sent before close() runs before close() returns: the workers receive "
                + "until the channel is empty and disconnected (W4, M3), but when close() returned, " + wrong);
        int notJoined = pools.threads.notJoined();
        int running = pools.threads.stillRunning();
        check(notJoined == 0 && running == 0, () -> "close() closes the sender, then joins every worker (W4), but "
                + "when it returned, " + notJoined + " of the " + pools.threads.spawnCount() + " workers had not been "
                + "joined" + (running > 0 ? " and " + running + " were still running" : ""));
    }

    /**
     * On a pool of one worker, a job that throws an exception and one that throws an
     * {@link Error} end only themselves: the worker lives on, runs the jobs after them, and the
     * pool keeps its worker (W3).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"W3"})
    void a_failing_job_costs_only_itself() {
        Pools pools = new Pools();
        ThreadPool pool = pools.create(1);
        Pools.Jobs jobs = new Pools.Jobs(5);
        pools.execute(pool, jobs.job(0), "execute(job 0)");
        pools.execute(pool, jobs.failing(1, () -> new JobFailure("job 1 fails on purpose")),
                "execute(job 1, which throws a RuntimeException)");
        pools.execute(pool, jobs.job(2), "execute(job 2)");
        pools.execute(pool, jobs.failing(3, () -> new JobMeltdown("job 3 fails on purpose")),
                "execute(job 3, which throws an Error)");
        pools.execute(pool, jobs.job(4), "execute(job 4)");
        boolean allRan = Patience.until(Patience.stretched(Duration.ofSeconds(1), 2, Duration.ofSeconds(4)),
                () -> jobs.ran() == jobs.count());
        int alive = pools.threads.stillRunning();
        String wrong = jobs.discrepancies();
        pools.close(pool);
        check(allRan, () -> "a job that throws ends only itself: its worker catches the failure and takes the next "
                + "job (W3), but on a pool of 1 worker, after job 1 threw a RuntimeException and job 3 an Error, "
                + wrong + (alive == 0 ? ": the worker had ended" : ""));
        check(alive == 1, () -> "a failing job must not cost the pool a worker (W3), but after jobs 1 and 3 threw, "
                + alive + " of its 1 worker still ran");
    }

    /**
     * After {@code close()} the pool is gone: {@code execute} throws E0382 and runs nothing
     * (O2); a second {@code close()} does nothing.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"W4", "O2"})
    void use_after_close_is_refused() {
        Pools pools = new Pools();
        ThreadPool pool = pools.create(2);
        pools.close(pool);
        Pools.Jobs jobs = new Pools.Jobs(1);
        Pools.Outcome late = pools.attempt("execute(job) after close()", () -> {
            pool.execute(jobs.job(0));
            return null;
        });
        if (late.thrown() instanceof Unimplemented stub) {
            throw stub;
        }
        check(late.thrown() instanceof OwnershipError e && e.code() == ErrorCode.E0382, () -> "after close() the pool "
                + "is gone, as a dropped value is: execute() must throw an OwnershipError with code E0382 (O2), but "
                + (late.thrown() == null ? "it returned" : "it threw " + Safely.describe(late.thrown())));
        sleepQuietly(100);
        check(jobs.ran() == 0,
                () -> "execute() after close() must run nothing (O2), but the job ran");
        Pools.Outcome again = pools.attempt("a second close()", () -> {
            pool.close();
            return null;
        });
        check(again.thrown() == null, () -> "a second close() does nothing (W4), but it threw "
                + Safely.describe(again.thrown()));
    }

    /** A {@code null} job is refused at once with a NullPointerException, and the pool still works (W1). */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"W1"})
    void a_null_job_is_refused() {
        Pools pools = new Pools();
        ThreadPool pool = pools.create(1);
        Pools.Outcome got = pools.attempt("execute(null)", () -> {
            pool.execute(null);
            return null;
        });
        if (got.thrown() instanceof Unimplemented stub) {
            throw stub;
        }
        check(got.thrown() instanceof NullPointerException, () -> "execute(null) must throw a NullPointerException "
                + "(W1), but " + (got.thrown() == null ? "it returned" : "it threw " + Safely.describe(got.thrown())));
        Pools.Jobs jobs = new Pools.Jobs(1);
        pools.execute(pool, jobs.job(0), "execute(job 0) after execute(null)");
        pools.close(pool);
        check(jobs.runsOf(0) == 1, () -> "after execute(null) was refused, the pool must still run jobs (W1), but "
                + jobs.discrepancies());
    }

    /** A size below 1 is refused with an IllegalArgumentException, and no worker is spawned (W1). */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"W1"})
    void a_size_below_one_is_refused() {
        requireWorking();
        for (int size : new int[] {0, -3}) {
            Pools pools = new Pools();
            Pools.Outcome got = pools.attempt("ThreadPoolProvider.create(" + size + ", ...)",
                    () -> newPool(pools, size));
            if (got.thrown() instanceof Unimplemented stub) {
                throw stub;
            }
            if (got.returned() instanceof ThreadPool made) {
                pools.attempt("close()", () -> {
                    made.close();
                    return null;
                });
            }
            check(got.thrown() instanceof IllegalArgumentException, () -> "a pool needs at least one worker: "
                    + "create(" + size + ", ...) must throw an IllegalArgumentException, as the book's "
                    + "assert!(size > 0) panics (W1), but " + (got.thrown() == null ? "it returned a pool"
                            : "it threw " + Safely.describe(got.thrown())));
            int spawned = pools.threads.spawnCount();
            check(spawned == 0, () -> "create(" + size + ", ...) must spawn no worker (W1), but it spawned " + spawned);
        }
    }

    private static ThreadPool newPool(Pools pools, int size) {
        return Submission.provider(ThreadPoolProvider.class)
                .create(size, pools.threads, pools.receives, pools.mutexes);
    }

    /** A stub fails with "not yet implemented", not for refusing what it never accepted. */
    private static void requireWorking() {
        Pools pools = new Pools();
        ThreadPool pool = pools.create(1);
        pools.execute(pool, () -> { }, "execute(job)");
        pools.close(pool);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
