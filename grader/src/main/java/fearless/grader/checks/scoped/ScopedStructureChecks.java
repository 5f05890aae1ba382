package fearless.grader.checks.scoped;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinTask;

/**
 * Structure checks of the scoped threads: what they are built from. The exercise is to start and
 * join Java threads yourself; a thread pool runs the bodies on threads that outlive the scope, and
 * sleeping is not waiting. Each check first runs a scope, so a stub fails them all.
 */
@Exercise("scoped-threads")
class ScopedStructureChecks {

    private static final String PACKAGE = "scoped";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"T1", "T6"})
    void built_on_java_threads() {
        Scoped.requireWorking();
        RuleCheck.assertHolds(PACKAGE, noClasses().should().dependOnClassesThat(assignableTo(Executor.class)
                        .or(assignableTo(Executors.class)).or(assignableTo(CompletableFuture.class))
                        .or(assignableTo(ForkJoinTask.class)))
                        .as("no class may use an executor, a thread pool, a CompletableFuture or a ForkJoinTask"),
                "the scoped threads run on a thread pool or executor of java.util.concurrent: start a "
                        + "java.lang.Thread per spawn and join it yourself; a pool's threads outlive the scope (T1, T6)",
                Scoped.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"T6"})
    void no_thread_sleep() {
        Scoped.requireWorking();
        RuleCheck.assertHolds(PACKAGE, StructureRules.noThreadSleep(),
                "the scope sleeps to wait for its threads: sleeping is not waiting; wait() until notified, or "
                        + "join() the threads (T6)",
                Scoped.LESSON);
    }
}
