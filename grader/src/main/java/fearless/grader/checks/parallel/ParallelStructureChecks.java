package fearless.grader.checks.parallel;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;

/**
 * Structure check of the parallel computation: its threads come from the {@code Threads} it was
 * given, and from nowhere else. A thread pool, a parallel stream or a thread of its own would do
 * the work without the spawn and join the exercise is about, and out of the grader's sight.
 */
@Exercise("parallel")
class ParallelStructureChecks {

    private static final String PACKAGE = "parallel";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"T1"})
    void threads_only_through_threads() {
        Parallels.requireImplemented();
        RuleCheck.assertHolds(PACKAGE, StructureRules.onlyGivenThreads(),
                "the computation starts threads of its own: spawn every thread through the Threads it was given, "
                        + "and join the handles (T1)",
                Parallels.LESSON);
    }
}
