package fearless.grader.checks.threadpool;

import static fearless.grader.checks.threadpool.Pools.check;

import fearless.api.capstones.ThreadPool;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;
import fearless.grader.checks.kit.KitMutex;
import java.util.List;

/**
 * How the pool is built: its workers come from the {@code Threads} it was given and no thread of
 * its own (so none per job), and the workers share the one receiver behind the mutex they were
 * given, not a queue of the JDK's. Each check first runs the pool, so a stub fails with its "not
 * yet implemented" rather than pass for using nothing forbidden.
 */
@Exercise("thread-pool")
class ThreadPoolStructureChecks {

    private static final String PACKAGE = "threadpool";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"W1"})
    void threads_only_through_threads() {
        Pools pools = new Pools();
        ThreadPool pool = pools.create(2);
        pools.execute(pool, () -> { }, "execute(job)");
        pools.close(pool);
        RuleCheck.assertHolds(PACKAGE, StructureRules.onlyGivenThreads(),
                "the pool starts threads of its own: spawn its workers through the Threads it was given, once, "
                        + "and never a thread per job (W1)",
                Pools.LESSON);
    }

    /**
     * After 20 jobs on a pool of 2: one mutex was made through the provider given, and every
     * receive was made by a thread holding it; no JDK queue stands in for the channel (W2).
     */
    @Graded(points = 1, category = Category.STRUCTURE, rules = {"W2"})
    void receiver_shared_behind_the_given_mutex() {
        Pools pools = new Pools();
        ThreadPool pool = pools.create(2);
        Pools.Jobs jobs = new Pools.Jobs(20);
        for (int i = 0; i < jobs.count(); i++) {
            pools.execute(pool, jobs.job(i), "execute(job " + i + ")");
        }
        pools.close(pool);
        List<KitMutex<?>> made = pools.mutexes.made();
        int unlocked = pools.receives.unlockedReceives();
        check(made.size() == 1 && unlocked == 0, () -> "the workers share the one receiver behind one mutex made by "
                + "the MutexProvider given, and receive only while they hold it (W2), but after 20 jobs on a pool of "
                + "2, " + made.size() + (made.size() == 1 ? " mutex was" : " mutexes were") + " made through it, and "
                + unlocked + " receives were made by a thread that held no such mutex");
        RuleCheck.assertHolds(PACKAGE, StructureRules.noJdkQueues(),
                "the pool passes jobs through a queue of java.util.concurrent: send them down the channel made by "
                        + "the ChannelProvider given, and share its receiver behind the mutex (W2)",
                Pools.LESSON);
    }
}
