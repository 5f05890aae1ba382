package fearless.grader.checks.syncchannel;

import static fearless.grader.checks.syncchannel.SyncChannels.check;

import fearless.api.channel.Receiver;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * What the bounded channel may be built from. A {@code BlockingQueue}, a {@code ReentrantLock}
 * with its conditions, or a {@code Semaphore} counting the room already is the blocking this
 * exercise is about; sleeping in a loop is not waiting. {@code LockSupport} and atomics stay
 * allowed beside the monitor. And the receiver has no clone (M8). Structure earns points only for
 * a channel that works: a stub fails them first.
 */
@Exercise("sync-channel")
class SyncChannelStructureChecks {

    private static final String PACKAGE = "syncchannel";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"M10"})
    void built_from_monitors() {
        SyncChannels.requireImplemented();
        String why = "build the waiting yourself, on a monitor (synchronized, wait, notifyAll) around an ArrayDeque (M10)";
        RuleCheck.assertHolds(PACKAGE, StructureRules.noJdkQueues(),
                "the channel is built on a queue of java.util.concurrent: it already blocks; " + why, SyncChannels.LESSON);
        RuleCheck.assertHolds(PACKAGE, StructureRules.noJdkLocks(),
                "the channel is built on java.util.concurrent.locks: " + why, SyncChannels.LESSON);
        RuleCheck.assertHolds(PACKAGE, StructureRules.noJdkSynchronizers(),
                "the channel is built on a ready-made synchronizer (a Semaphore counting the room?): " + why,
                SyncChannels.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"M10"})
    void no_thread_sleep() {
        SyncChannels.requireImplemented();
        RuleCheck.assertHolds(PACKAGE, StructureRules.noThreadSleep(),
                "the channel sleeps: sleeping in a loop until there is room or a message is late when it comes and "
                        + "busy when it does not; wait() on the monitor, and notifyAll() when something changes (M10)",
                SyncChannels.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"M8"})
    void receiver_has_no_clone() {
        SyncChannels.requireImplemented();
        Receiver<Object> rx = SyncChannels.fresh(1).receiver();
        Class<?> type = rx.getClass();
        check(!(rx instanceof Cloneable), () -> type.getSimpleName() + " implements Cloneable: there is one receiver, "
                + "and it has no clone (M8)");
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                String name = m.getName().toLowerCase(java.util.Locale.ROOT);
                if (name.contains("clone") && !Modifier.isPrivate(m.getModifiers())) {
                    check(false, () -> type.getSimpleName() + "." + m.getName() + "(): the receiver has no clone, there "
                            + "is only ever one (M8), as Rust's Receiver has no clone()");
                }
            }
        }
    }
}
