package fearless.grader.checks.rc;

import fearless.api.Unimplemented;
import fearless.api.rc.Rc;
import fearless.api.rc.RcProvider;
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
 * {@code Rc} belongs to one thread, so plain fields are right and atomics are merely more than it
 * needs; the lesson says so, and forbids neither.
 */
@Exercise("rc")
class RcStructureChecks {

    private static final String PACKAGE = "rc";
    private static final String LESSON = "course-notes/05-rc.md";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"A1", "A2"})
    void counts_are_private() {
        requireImplemented();
        RuleCheck.assertHolds(PACKAGE, StructureRules.stateFieldsPrivate(),
                "a count or a handle's state is reachable from outside its class: a field that is not private lets "
                        + "other code change the strong count, so the value is dropped too early or never (A1, A2)",
                LESSON);
    }

    /**
     * A stub fails here, with its "not yet implemented", before any class is read: the rules judge
     * written code. Any other failure is the behaviour checks' business, not this one's.
     */
    private static void requireImplemented() {
        RcProvider rcs = Submission.provider(RcProvider.class);
        List<Consumer<Rc<String>>> uses = List.of(Rc::get, Rc::strongCount, Rc::weakCount, Rc::cloneRc,
                Rc::downgrade, Rc::tryUnwrap, rc -> rc.getMut(v -> v), Rc::close);
        for (Consumer<Rc<String>> use : uses) {
            try {
                use.accept(rcs.create("v", v -> { }));
            } catch (Unimplemented stub) {
                throw stub;
            } catch (RuntimeException ignored) {
                // a bug, not a stub
            }
        }
        try {
            rcs.newWeak().upgrade();
        } catch (Unimplemented stub) {
            throw stub;
        } catch (RuntimeException ignored) {
            // a bug, not a stub
        }
    }
}
