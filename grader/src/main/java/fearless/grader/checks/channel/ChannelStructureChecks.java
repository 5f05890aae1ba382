package fearless.grader.checks.channel;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.lang.CompositeArchRule;
import fearless.api.channel.Receiver;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;

/**
 * Structure checks of the channel: what it may be built from. A channel that wraps a
 * {@code BlockingQueue} or a {@code ReentrantLock} with its conditions passes the behaviour checks
 * without teaching its author anything; a receiver with a clone is not Rust's; sleeping is not
 * waiting. Everything else stays allowed: monitors, atomics, {@code LockSupport}. Structure earns
 * points only for a channel that works: each check first sends and receives, so a stub fails them.
 */
@Exercise("channel")
class ChannelStructureChecks {

    private static final String PACKAGE = "channel";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"M1", "M3"})
    void built_without_jdk_queues_or_locks() {
        Channels.requireImplemented();
        RuleCheck.assertHolds(PACKAGE,
                CompositeArchRule.of(StructureRules.noJdkQueues()).and(StructureRules.noJdkLocks())
                        .and(StructureRules.noJdkSynchronizers())
                        .as("no class may use a queue of java.util.concurrent, java.util.concurrent.locks or a "
                                + "ready-made synchronizer (BlockingQueue, ReentrantLock, Condition, Semaphore, ...)"),
                "the channel is built on a ready-made queue, lock or synchronizer of java.util.concurrent: a "
                        + "BlockingQueue already is a channel; build it from an ArrayDeque and a monitor "
                        + "(synchronized, wait, notifyAll) (M1, M3)",
                Channels.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"M8"})
    void receiver_has_no_clone() {
        Channels.requireImplemented();
        RuleCheck.assertHolds(PACKAGE, noMethods().that().areDeclaredInClassesThat().implement(Receiver.class)
                        .should().haveRawReturnType(assignableTo(Receiver.class))
                        .as("no method of a receiver class may return a Receiver")
                        .allowEmptyShould(true),
                "the receiver can be cloned: a method of the receiver returns another Receiver, yet there is only "
                        + "ever one receiver, and Rust's Receiver has no clone (M8)",
                Channels.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"M3"})
    void no_thread_sleep() {
        Channels.requireImplemented();
        RuleCheck.assertHolds(PACKAGE, StructureRules.noThreadSleep(),
                "the channel sleeps to wait for a message: sleeping in a loop is late when a message comes and busy "
                        + "when none does; wait() on the monitor until a send or the last close notifies (M3)",
                Channels.LESSON);
    }
}
