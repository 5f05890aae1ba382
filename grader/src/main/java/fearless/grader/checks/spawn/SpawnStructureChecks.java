package fearless.grader.checks.spawn;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Structure checks of spawn: what it may be built from. A thread pool reuses its threads, so a
 * later body runs on a used thread, with the name and thread-local state the last one left, and
 * a full pool makes a spawn wait; a {@link Future} is a join handle already built, and
 * {@code Future.get} ends its wait on an interrupt and wraps the body's failure: both skip what
 * the exercise teaches. Structure earns points only for a spawn that works: each check first
 * spawns and joins once, so a stub fails them all.
 */
@Exercise("spawn")
class SpawnStructureChecks {

    private static final String PACKAGE = "spawn";

    /** Executors, thread pools (ForkJoinPool included), futures and CompletableFuture. */
    static ArchRule noPoolsOrFutures() {
        return noClasses().should().dependOnClassesThat(assignableTo(Executor.class)
                        .or(assignableTo(Future.class)).or(assignableTo(CompletionStage.class))
                        .or(equivalentTo(Executors.class)))
                .as("no class may use an Executor, a thread pool (ExecutorService, ForkJoinPool, ...), a Future or "
                        + "a CompletableFuture");
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"T1", "T2"})
    void one_new_thread_per_spawn() {
        Spawns.requireWorking();
        RuleCheck.assertHolds(PACKAGE, noPoolsOrFutures(),
                "spawn is built on a thread pool or a Future: each spawn starts a new Thread of its own (T1), and "
                        + "the handle waits for it and carries its outcome itself (T2)",
                Spawns.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"T2"})
    void no_thread_sleep() {
        Spawns.requireWorking();
        RuleCheck.assertHolds(PACKAGE, StructureRules.noThreadSleep(),
                "join sleeps to wait for the thread: sleeping is not synchronization; wait with Thread.join() (T2)",
                Spawns.LESSON);
    }
}
