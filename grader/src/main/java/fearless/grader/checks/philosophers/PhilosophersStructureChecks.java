package fearless.grader.checks.philosophers;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;

/**
 * How the table is built: philosophers only on threads spawned through the {@code Threads} given,
 * forks only as mutexes made by the provider given. The check first runs a dinner, so a stub fails
 * with its "not yet implemented" rather than pass for using nothing forbidden.
 */
@Exercise("dining-philosophers")
class PhilosophersStructureChecks {

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"P2"})
    void threads_and_forks_only_from_the_table() {
        new Table(3).dineOrFail(1);
        RuleCheck.assertHolds("philosophers", StructureRules.onlyGivenThreads(),
                "the table starts threads of its own: spawn each philosopher through the Threads it was given, and "
                        + "join them all (P3)",
                Table.LESSON);
        RuleCheck.assertHolds("philosophers", StructureRules.noJdkLocks(),
                "the table uses a lock of java.util.concurrent.locks: each fork is a mutex made by the MutexProvider "
                        + "given (P2)",
                Table.LESSON);
    }
}
