package fearless.grader.checks.box;

import fearless.api.Unimplemented;
import fearless.api.ownership.Box;
import fearless.api.ownership.BoxProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;
import java.util.List;
import java.util.function.Consumer;

/**
 * Structure checks of the box: its ownership state belongs to it alone, and a race is won by an
 * atomic step, never by waiting a while.
 */
@Exercise("box")
class BoxStructureChecks {

    private static final String PACKAGE = "box";
    private static final String LESSON = "course-notes/01-ownership.md";

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"O1", "O2"})
    void owning_state_is_private() {
        requireImplemented();
        RuleCheck.assertHolds(PACKAGE, StructureRules.stateFieldsPrivate(),
                "the box's ownership state is reachable from outside the class: a field that is not private lets "
                        + "other code revive a moved-from handle or read its value without the E0382 check (O1, O2)",
                LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"O7"})
    void no_thread_sleep() {
        requireImplemented();
        RuleCheck.assertHolds(PACKAGE, StructureRules.noThreadSleep(),
                "the box sleeps: sleeping only makes a race rarer, it never makes a move atomic; use one atomic "
                        + "step (compareAndSet, or synchronized) (O7)",
                LESSON);
    }

    /**
     * A stub fails here, with its "not yet implemented", before any class is read: the rules judge
     * written code. Any other failure is the behaviour checks' business, not this one's.
     */
    private static void requireImplemented() {
        BoxProvider boxes = Submission.provider(BoxProvider.class);
        List<Consumer<Box<String>>> uses = List.of(Box::get, Box::isOwner, b -> b.cloneWith(v -> v), Box::move,
                Box::close);
        for (Consumer<Box<String>> use : uses) {
            try {
                use.accept(boxes.create("v", v -> { }));
            } catch (Unimplemented stub) {
                throw stub;
            } catch (RuntimeException ignored) {
                // a bug, not a stub
            }
        }
    }
}
