package fearless.grader.checks.rwlock;

import com.tngtech.archunit.lang.CompositeArchRule;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;

/**
 * Structure checks of the rw-lock: what it may be built from. A lock that wraps
 * {@code ReentrantReadWriteLock}, {@code StampedLock} or a {@code Semaphore} passes every behaviour
 * check without teaching its author anything; one that sleeps to wait is broken in ways a test run
 * rarely shows. Monitors, atomics and {@code LockSupport} are all allowed. Structure earns points
 * only for a lock that works: each check first reads and writes once, so a stub fails them all.
 */
@Exercise("rw-lock")
class RwLockStructureChecks {

    private static final String PACKAGE = "rwlock";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"R1"})
    void built_without_jdk_locks() {
        RwLocks.requireWorking();
        RuleCheck.assertHolds(PACKAGE,
                CompositeArchRule.of(StructureRules.noJdkLocks()).and(StructureRules.noJdkSynchronizers())
                        .as("no class may use java.util.concurrent.locks or a ready-made synchronizer "
                                + "(ReentrantReadWriteLock, StampedLock, Semaphore, ...)"),
                "the rw-lock is built on a lock or synchronizer of java.util.concurrent: build it yourself from "
                        + "synchronized, wait and notifyAll (or atomics and LockSupport) (R1)",
                RwLocks.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"R1"})
    void no_thread_sleep() {
        RwLocks.requireWorking();
        RuleCheck.assertHolds(PACKAGE, StructureRules.noThreadSleep(),
                "the rw-lock sleeps to wait for the lock: sleeping is not synchronization; wait() until notified (R1)",
                RwLocks.LESSON);
    }
}
