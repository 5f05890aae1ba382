package fearless.grader.checks.threadmove;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import fearless.api.Unimplemented;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The spawner's threads come from the {@code Threads} it is given, the one the lesson's exercise
 * builds on: never a thread of its own, nor an executor's.
 */
@Exercise("thread-move")
class ThreadMoveStructureChecks {

    private static final String PACKAGE = "threadmove";
    private static final String LESSON = "course-notes/07-threads.md";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"T1", "T3"})
    void threads_only_through_the_given_threads() {
        requireImplemented();
        RuleCheck.assertHolds(PACKAGE, startsNoThreadOfItsOwn(),
                "the spawner starts a thread of its own: start every thread through the Threads it is given (the "
                        + "kit of the spawn exercise), so that spawning, joining and panics behave as T1 and T2 say "
                        + "and the move is the only new thing here (T3)",
                LESSON);
    }

    private static ArchRule startsNoThreadOfItsOwn() {
        DescribedPredicate<JavaCall<?>> threadOfItsOwn = DescribedPredicate.describe(
                "a constructor or start() of java.lang.Thread, or an ...Async method of CompletableFuture",
                call -> call.getTargetOwner().isAssignableTo(Thread.class)
                        && (call.getName().equals("<init>") || call.getName().equals("start"))
                        || call.getTargetOwner().isAssignableTo(CompletableFuture.class)
                        && call.getName().endsWith("Async"));
        return noClasses().should().callCodeUnitWhere(threadOfItsOwn)
                .orShould().beAssignableTo(Thread.class)
                .orShould().dependOnClassesThat(assignableTo(Executor.class).or(assignableTo(Timer.class))
                        .or(DescribedPredicate.describe("java.util.concurrent.Executors",
                                c -> c.getName().equals("java.util.concurrent.Executors"))))
                .as("no class may create or start a Thread, extend Thread, or run code on an executor, a "
                        + "ForkJoinPool, a Timer or CompletableFuture's ...Async methods: threads come from the "
                        + "Threads the spawner is given");
    }

    /** A stub fails here with its "not yet implemented", before any class is read: the rule judges written code. */
    private static void requireImplemented() {
        Rig rig = new Rig();
        try {
            rig.spawner.spawn(rig.box("v"), mine -> 1);
        } catch (Unimplemented stub) {
            throw stub;
        } catch (RuntimeException ignored) {
            // a bug, not a stub
        }
        try {
            rig.spawner.spawnAll(List.of(rig.box("w")), mine -> 1);
        } catch (Unimplemented stub) {
            throw stub;
        } catch (RuntimeException ignored) {
            // a bug, not a stub
        }
    }
}
