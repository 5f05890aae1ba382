package fearless.grader.checks.channel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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
        RuleCheck.assertHolds(PACKAGE, classes().should(returnNoReceiver())
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

    /**
     * Classes that are receivers (they implement {@link Receiver}, directly or through a class or
     * interface of the submission) have no method returning a Receiver or a receiver class. Matched
     * by name: the api's classes are only referenced, not imported.
     */
    private static ArchCondition<JavaClass> returnNoReceiver() {
        return new ArchCondition<>("have no method that returns a receiver, if they are a receiver") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (!isReceiver(c)) {
                    return;
                }
                for (JavaMethod m : c.getMethods()) {
                    if (isReceiver(m.getRawReturnType())) {
                        events.add(SimpleConditionEvent.violated(m, m.getFullName() + " returns a receiver in ("
                                + c.getSimpleName() + ".java:" + m.getSourceCodeLocation().getLineNumber() + ")"));
                    }
                }
            }
        };
    }

    private static boolean isReceiver(JavaClass c) {
        if (c.getName().equals(Receiver.class.getName())) {
            return true;
        }
        for (JavaClass i : c.getAllRawInterfaces()) {
            if (i.getName().equals(Receiver.class.getName())) {
                return true;
            }
        }
        for (JavaClass s : c.getAllRawSuperclasses()) {
            if (s.getName().equals(Receiver.class.getName())) {
                return true;
            }
        }
        return false;
    }
}
