package fearless.grader.checks.condvar;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;

/**
 * Structure checks of the condvar: what it may be built from. {@code java.util.concurrent.locks}
 * already has a {@code Condition}, so a condvar built on one teaches nothing; sleeping in a loop
 * is not waiting. Everything else stays allowed: a private monitor with wait and notifyAll,
 * atomics with {@code LockSupport.park}, a helper lock object. Structure earns points only for a
 * condvar that exists: a stub fails them first.
 */
@Exercise("condvar")
class CondvarStructureChecks {

    private static final String PACKAGE = "condvar";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"C1"})
    void no_jdk_locks_or_conditions() {
        Condvars.requireImplemented();
        RuleCheck.assertHolds(PACKAGE, StructureRules.noJdkLocks(),
                "the condvar is built on java.util.concurrent.locks: a Condition already is a condvar; build it from "
                        + "a private monitor (synchronized, wait, notifyAll) or from atomics and LockSupport.park (C1)",
                Condvars.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"C1"})
    void no_thread_sleep() {
        Condvars.requireImplemented();
        RuleCheck.assertHolds(PACKAGE, StructureRules.noThreadSleep(),
                "the condvar sleeps: sleeping in a loop until a notification shows up is late when it comes and busy "
                        + "when it does not; wait until a notifier wakes the waiter (C1)",
                Condvars.LESSON);
    }
}
