package fearless.grader.checks.mutex;

import com.tngtech.archunit.lang.CompositeArchRule;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;

/**
 * Structure checks of the mutex: what it may be built from. A mutex that wraps
 * {@code ReentrantLock} or a {@code Semaphore} passes every behaviour check without teaching its
 * author anything; a mutex whose state is reachable from outside, or that sleeps to wait, is
 * broken in ways a test run rarely shows. Structure earns points only for a mutex that works: each
 * check first locks and unlocks once, so a stub fails them all.
 */
@Exercise("mutex")
class MutexStructureChecks {

    private static final String PACKAGE = "mutex";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"X1", "X2"})
    void built_without_jdk_locks() {
        Mutexes.requireWorking();
        RuleCheck.assertHolds(PACKAGE, StructureRules.noJdkLocks(),
                "the mutex is built on java.util.concurrent.locks: build the lock yourself from synchronized, "
                        + "wait and notifyAll (or atomics and LockSupport) (X1, X2)",
                Mutexes.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"X1", "X2"})
    void built_without_jdk_queues_or_synchronizers() {
        Mutexes.requireWorking();
        RuleCheck.assertHolds(PACKAGE,
                CompositeArchRule.of(StructureRules.noJdkQueues()).and(StructureRules.noJdkSynchronizers())
                        .as("no class may use a queue of java.util.concurrent or a ready-made synchronizer "
                                + "(BlockingQueue, Semaphore, CountDownLatch, ...)"),
                "the mutex is built on a ready-made queue or synchronizer of java.util.concurrent: build the lock "
                        + "yourself (X1, X2)",
                Mutexes.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"X1"})
    void no_thread_sleep() {
        Mutexes.requireWorking();
        RuleCheck.assertHolds(PACKAGE, StructureRules.noThreadSleep(),
                "the mutex sleeps to wait for the lock: sleeping is not synchronization; wait() until notified (X1)",
                Mutexes.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"X1"})
    void state_fields_private() {
        Mutexes.requireWorking();
        RuleCheck.assertHolds(PACKAGE, StructureRules.stateFieldsPrivate(),
                "the mutex's state is reachable from outside the class: a field that is not private lets other "
                        + "code read the guarded value or the lock's own state without the lock (X1)",
                Mutexes.LESSON);
    }
}
