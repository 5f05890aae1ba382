package fearless.grader.checks.parker;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;

/**
 * Structure checks of the parker: what it may be built from. {@code LockSupport} already is a
 * parker and {@code java.util.concurrent.locks} already has conditions, so a parker built on them
 * teaches nothing; sleeping in a loop is not waiting. Everything else stays allowed: an
 * {@code AtomicBoolean} token beside the monitor's wait and notify is still a monitor design.
 * Structure earns points only for a parker that exists: a stub fails them first.
 */
@Exercise("parker")
class ParkerStructureChecks {

    private static final String PACKAGE = "parker";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"T7"})
    void built_from_monitors() {
        Parkers.requireImplemented();
        RuleCheck.assertHolds(PACKAGE, noClasses().should().dependOnClassesThat(
                                resideInAPackage("java.util.concurrent.locks.."))
                        .as("no class may use java.util.concurrent.locks (LockSupport, ReentrantLock, Condition, ...)"),
                "the parker is built on java.util.concurrent.locks: LockSupport already is a parker, and a Condition "
                        + "already waits; build it from a monitor (synchronized, wait, notifyAll) (T7)",
                Parkers.LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"T7"})
    void no_thread_sleep() {
        Parkers.requireImplemented();
        RuleCheck.assertHolds(PACKAGE, StructureRules.noThreadSleep(),
                "the parker sleeps: sleeping in a loop until the token shows up is late when it comes and busy when "
                        + "it does not; wait() on the monitor until unpark() notifies (T7)",
                Parkers.LESSON);
    }
}
