package fearless.grader.checks.boundedbuffer;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static fearless.grader.checks.boundedbuffer.Buffers.check;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import fearless.api.sync.BoundedBuffer;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.WatchedCall;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;
import fearless.grader.checks.kit.KitCondvar;
import fearless.grader.checks.kit.KitMutex;
import java.time.Duration;
import java.util.Set;

/**
 * What the buffer is built from: its every lock from the {@code MutexProvider} it was given and
 * its every wait from a condvar of the {@code CondvarProvider} it was given, as the provider's
 * Javadoc says. So no lock, queue or synchronizer of {@code java.util.concurrent}, no
 * {@code synchronized} method, no {@code Object.wait}/{@code notify} and no sleeping, read in the
 * compiled classes; and, seen from the kit's side, a put and a take lock the kit's mutex and a
 * waiting put waits on the kit's condvar with a guard of that mutex. Each check first runs the
 * buffer, so a stub fails them with its "not yet implemented".
 */
@Exercise("bounded-buffer")
class BoundedBufferStructureChecks {

    private static final String PACKAGE = "boundedbuffer";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"X1", "C1"})
    void no_locks_or_waits_of_its_own() throws InterruptedException {
        Buffers.requireImplemented();
        String why = "the buffer's locks come from the MutexProvider it was given and its waits from a condvar of "
                + "the CondvarProvider it was given (X1, C1)";
        RuleCheck.assertHolds(PACKAGE, noClasses().should().dependOnClassesThat(
                                resideInAPackage("java.util.concurrent.locks.."))
                        .as("no class may use java.util.concurrent.locks (Lock, Condition, LockSupport, ...)"),
                "the buffer uses java.util.concurrent.locks: " + why, Buffers.LESSON);
        RuleCheck.assertHolds(PACKAGE, StructureRules.noJdkQueues(),
                "the buffer keeps its items in a queue of java.util.concurrent, which does the waiting itself: keep "
                        + "them in a plain queue (ArrayDeque) inside the Mutex; " + why, Buffers.LESSON);
        RuleCheck.assertHolds(PACKAGE, StructureRules.noJdkSynchronizers(),
                "the buffer uses a ready-made synchronizer: " + why, Buffers.LESSON);
        RuleCheck.assertHolds(PACKAGE, noSynchronizedMethods(), "the buffer locks with synchronized methods: " + why,
                Buffers.LESSON);
        RuleCheck.assertHolds(PACKAGE, noMonitorCalls(), "the buffer waits with Object.wait or notify: " + why,
                Buffers.LESSON);
        RuleCheck.assertHolds(PACKAGE, StructureRules.noThreadSleep(),
                "the buffer sleeps: sleeping is not waiting; wait on a condvar until a put or take notifies (C1)",
                Buffers.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"X1", "C1"})
    void locks_and_waits_through_the_providers() throws InterruptedException {
        Buffers.requireImplemented();
        Buffers.Setup<String> s = Buffers.fresh(1);
        BoundedBuffer<String> b = s.buffer();
        long before = s.mutexes().locksTaken();
        Buffers.put(b, "a", "X1");
        long afterPut = s.mutexes().locksTaken();
        check(afterPut > before, () -> "put(\"a\") took no lock of the MutexProvider the buffer was made with: every "
                + "lock of the buffer comes from it (X1)");
        Duration prompt = Patience.prompt();
        WatchedCall<Void> p = WatchedCall.startAction("producer-1", () -> b.put("b"));
        BoundedBufferRaceChecks.requireWaiting(p, s.condvars(), "put(\"b\") on a full buffer of capacity 1", prompt);
        KitCondvar on = s.condvars().waitingOn(p.thread());
        Set<?> mutexes = on == null ? Set.of() : on.mutexesWaitedWith();
        check(!mutexes.isEmpty() && s.mutexes().made().containsAll(mutexes), () -> "put(\"b\") waits on a condvar "
                + "of the given CondvarProvider, but with a guard of a mutex the given MutexProvider did not make: the "
                + "condvar must guard the buffer's own state (X1, C1)");
        long beforeTake = s.mutexes().locksTaken();
        Buffers.take(b, "a", "put(a) into a buffer of capacity 1, then put(b) waiting", "X1");
        check(s.mutexes().locksTaken() > beforeTake, () -> "take() took no lock of the MutexProvider the buffer was "
                + "made with: every lock of the buffer comes from it (X1)");
        check(p.awaitDone(prompt), () -> "a take made room, but the waiting put(\"b\") was not woken (C1)");
        p.abandon();
        p.requireNoFailure("put(\"b\")", "X1");
        for (KitMutex<?> m : s.mutexes().made()) {
            check(!m.isLocked(), () -> "after every put and take had returned, a mutex of the buffer was still "
                    + "locked: every call unlocks before it returns (X1)");
        }
    }

    /** No synchronized method. */
    private static ArchRule noSynchronizedMethods() {
        return noMethods().should().haveModifier(JavaModifier.SYNCHRONIZED)
                .as("no method may be synchronized")
                .allowEmptyShould(true);
    }

    /** No call of Object's wait, notify or notifyAll, whatever the class it is called on. */
    private static ArchRule noMonitorCalls() {
        return noClasses().should().callMethodWhere(describe("Object.wait, notify or notifyAll",
                        call -> isMonitorCall(call.getName(), call.getTarget().getRawParameterTypes().stream()
                                .map(t -> t.getName()).toList())))
                .as("no class may call wait(), notify() or notifyAll()");
    }

    private static boolean isMonitorCall(String name, java.util.List<String> parameters) {
        return switch (name) {
            case "wait" -> parameters.isEmpty() || parameters.equals(java.util.List.of("long"))
                    || parameters.equals(java.util.List.of("long", "int"));
            case "notify", "notifyAll" -> parameters.isEmpty();
            default -> false;
        };
    }
}
