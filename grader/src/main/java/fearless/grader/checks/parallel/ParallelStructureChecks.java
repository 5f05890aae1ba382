package fearless.grader.checks.parallel;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinTask;

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
        RuleCheck.assertHolds(PACKAGE, onlyGivenThreads(),
                "the computation starts threads of its own: spawn every thread through the Threads it was given, "
                        + "and join the handles (T1)",
                Parallels.LESSON);
    }

    /**
     * The pools and futures of {@code java.util.concurrent} that run work on threads of their own,
     * named, since the classes the submission only refers to are known by name, not always by
     * their supertypes.
     */
    private static final Set<String> POOLS = Set.of("java.util.concurrent.Executor",
            "java.util.concurrent.ExecutorService", "java.util.concurrent.ScheduledExecutorService",
            "java.util.concurrent.AbstractExecutorService", "java.util.concurrent.Executors",
            "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ScheduledThreadPoolExecutor",
            "java.util.concurrent.ForkJoinPool", "java.util.concurrent.ForkJoinTask",
            "java.util.concurrent.RecursiveTask", "java.util.concurrent.RecursiveAction",
            "java.util.concurrent.CountedCompleter", "java.util.concurrent.CompletableFuture",
            "java.util.concurrent.CompletionService", "java.util.concurrent.ExecutorCompletionService",
            "java.util.concurrent.ThreadFactory");

    /** No {@code new Thread}, executor, fork-join task, {@code CompletableFuture} or parallel stream. */
    private static ArchRule onlyGivenThreads() {
        return noClasses().should().callConstructorWhere(describe("a constructor of Thread",
                        call -> isThread(call.getTarget().getOwner())))
                .orShould().dependOnClassesThat(describe("a thread pool, fork-join task or CompletableFuture",
                        (JavaClass c) -> POOLS.contains(c.getName()) || c.isAssignableTo(Executor.class)
                                || c.isAssignableTo(ForkJoinTask.class) || c.isAssignableTo(CompletableFuture.class)))
                .orShould().callMethodWhere(describe("a parallel stream", ParallelStructureChecks::parallelStream))
                .as("no class may start threads other than through the given Threads: no new Thread, executor, "
                        + "ForkJoinPool, CompletableFuture or parallel stream");
    }

    private static boolean isThread(JavaClass owner) {
        return owner.getName().equals(Thread.class.getName()) || owner.isAssignableTo(Thread.class);
    }

    private static boolean parallelStream(JavaMethodCall call) {
        String name = call.getName();
        return name.equals("parallelStream")
                || name.equals("parallel") && call.getTarget().getOwner().getPackageName().equals("java.util.stream");
    }
}
