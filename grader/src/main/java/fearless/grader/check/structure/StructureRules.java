package fearless.grader.check.structure;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Rules shared by the exercises' structure checks, each phrased as the sentence a student reads.
 * They say what an exercise may be built from: a student who wraps {@code ReentrantLock} or a
 * {@code BlockingQueue} has not built the primitive the exercise is about.
 */
public final class StructureRules {

    private StructureRules() {
    }

    /**
     * The executors, pools and futures of {@code java.util.concurrent} that start threads, by
     * name: ArchUnit does not always know the supertypes of JDK classes that are only referenced.
     */
    private static final Set<String> THREAD_STARTERS = Set.of("java.util.concurrent.Executor",
            "java.util.concurrent.ExecutorService", "java.util.concurrent.ScheduledExecutorService",
            "java.util.concurrent.AbstractExecutorService", "java.util.concurrent.Executors",
            "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ScheduledThreadPoolExecutor",
            "java.util.concurrent.ForkJoinPool", "java.util.concurrent.ForkJoinTask",
            "java.util.concurrent.RecursiveTask", "java.util.concurrent.RecursiveAction",
            "java.util.concurrent.CountedCompleter", "java.util.concurrent.CompletableFuture",
            "java.util.concurrent.CompletionService", "java.util.concurrent.ExecutorCompletionService",
            "java.util.concurrent.ThreadFactory");

    /**
     * No {@code new Thread}, executor, fork-join task, {@code CompletableFuture} or parallel
     * stream: for the exercises that are given a {@code Threads} and must start every thread
     * through it.
     */
    public static ArchRule onlyGivenThreads() {
        return noClasses().should().callConstructorWhere(DescribedPredicate.describe("a constructor of Thread",
                        call -> isThread(call.getTarget().getOwner())))
                .orShould().dependOnClassesThat(DescribedPredicate.describe(
                        "a thread pool, fork-join task or CompletableFuture",
                        (JavaClass c) -> THREAD_STARTERS.contains(c.getName()) || c.isAssignableTo(Executor.class)
                                || c.isAssignableTo(ForkJoinTask.class) || c.isAssignableTo(CompletableFuture.class)))
                .orShould().callMethodWhere(DescribedPredicate.describe("a parallel stream",
                        StructureRules::parallelStream))
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

    /**
     * No {@code java.util.concurrent.locks} ({@code Lock}, {@code ReentrantLock},
     * {@code Condition}, {@code ReadWriteLock}, ...). {@code LockSupport} (park/unpark) stays
     * allowed: it is a way to build a lock, not a lock.
     */
    public static ArchRule noJdkLocks() {
        return noClasses().should().dependOnClassesThat(
                        resideInAPackage("java.util.concurrent.locks..").and(not(equivalentTo(LockSupport.class))))
                .as("no class may use java.util.concurrent.locks (Lock, ReentrantLock, Condition, ...); "
                        + "LockSupport is allowed");
    }

    /** No queue or deque of {@code java.util.concurrent} ({@code BlockingQueue}, {@code ConcurrentLinkedQueue}, ...). */
    public static ArchRule noJdkQueues() {
        return noClasses().should().dependOnClassesThat(jdkConcurrentQueues())
                .as("no class may use the queues of java.util.concurrent (BlockingQueue, ConcurrentLinkedQueue, ...)");
    }

    /** No ready-made synchronizer: {@code Semaphore}, {@code CountDownLatch}, {@code CyclicBarrier}, {@code Phaser}, {@code Exchanger}. */
    public static ArchRule noJdkSynchronizers() {
        return noClasses().should().dependOnClassesThat(synchronizers())
                .as("no class may use a ready-made synchronizer (Semaphore, CountDownLatch, CyclicBarrier, "
                        + "Phaser, Exchanger)");
    }

    /** No {@code Thread.sleep} or {@code TimeUnit.sleep}: sleeping is not synchronization. */
    public static ArchRule noThreadSleep() {
        return noClasses().should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
                .orShould().callMethod(TimeUnit.class, "sleep", long.class)
                .as("no class may call Thread.sleep or TimeUnit.sleep: sleeping is not synchronization");
    }

    /**
     * Every non-static field is private: the state a lock guards (and the lock's own state) is
     * reachable only through the class's methods. Compiler-made (synthetic) fields are exempt.
     */
    public static ArchRule stateFieldsPrivate() {
        return fields().that().areNotStatic().and().doNotHaveModifier(JavaModifier.SYNTHETIC)
                .should().bePrivate()
                .as("every non-static field must be private")
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> jdkConcurrentQueues() {
        return resideInAPackage("java.util.concurrent")
                .and(simpleNameEndingWith("Queue").or(simpleNameEndingWith("Deque")))
                .as("queues of java.util.concurrent");
    }

    private static DescribedPredicate<JavaClass> synchronizers() {
        return equivalentTo(Semaphore.class).or(equivalentTo(CountDownLatch.class))
                .or(equivalentTo(CyclicBarrier.class)).or(equivalentTo(Phaser.class))
                .or(equivalentTo(Exchanger.class))
                .as("ready-made synchronizers");
    }
}
