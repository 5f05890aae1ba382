package fearless.grader.checks.arc;

import fearless.api.Unimplemented;
import fearless.api.sync.Arc;
import fearless.api.sync.ArcProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;
import java.util.List;
import java.util.function.Consumer;

/**
 * Structure checks of the rc exercise: the counts belong to the classes that keep them.
 *
 * <p>What is deliberately not a rule: the counts may be plain {@code int}s or atomics. An
 * {@code Arc} belongs to one thread, so plain fields are right and atomics are merely more than it
 * needs; the lesson says so, and forbids neither.
 */
@Exercise("arc")
class ArcStructureChecks {

    private static final String PACKAGE = "arc";
    private static final String LESSON = "course-notes/09-shared-state.md";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"A1", "A2"})
    void counts_are_private() {
        requireImplemented();
        RuleCheck.assertHolds(PACKAGE, StructureRules.stateFieldsPrivate(),
                "a count, the value or a handle's state is reachable from outside its class: a field that is not "
                        + "private lets other code change the strong count, so the value is dropped too early or never "
                        + "(A1, A2)",
                LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"A6"})
    void no_thread_sleep() {
        requireImplemented();
        RuleCheck.assertHolds(PACKAGE, StructureRules.noThreadSleep(),
                "the Arc sleeps: sleeping only makes a race between two threads rarer, it never makes a count change "
                        + "atomic; change each count in one step (incrementAndGet, compareAndSet, or under one lock) "
                        + "(A6)",
                LESSON);
    }

    /**
     * A stub fails here, with its "not yet implemented", before any class is read: the rules judge
     * written code. Any other failure is the behaviour checks' business, not this one's.
     */
    private static void requireImplemented() {
        ArcProvider arcs = Submission.provider(ArcProvider.class);
        List<Consumer<Arc<String>>> uses = List.of(Arc::get, Arc::strongCount, Arc::weakCount, Arc::cloneArc,
                Arc::downgrade, Arc::tryUnwrap, rc -> rc.getMut(v -> v), Arc::close);
        for (Consumer<Arc<String>> use : uses) {
            try {
                use.accept(arcs.create("v", v -> { }));
            } catch (Unimplemented stub) {
                throw stub;
            } catch (RuntimeException ignored) {
                // a bug, not a stub
            }
        }
        try {
            arcs.newWeak().upgrade();
        } catch (Unimplemented stub) {
            throw stub;
        } catch (RuntimeException ignored) {
            // a bug, not a stub
        }
    }
}
