package fearless.grader.checks.box;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;

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
        RuleCheck.assertHolds(PACKAGE, StructureRules.stateFieldsPrivate(),
                "the box's ownership state is reachable from outside the class: a field that is not private lets "
                        + "other code revive a moved-from handle or read its value without the E0382 check (O1, O2)",
                LESSON);
    }

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"O7"})
    void no_thread_sleep() {
        RuleCheck.assertHolds(PACKAGE, StructureRules.noThreadSleep(),
                "the box sleeps: sleeping only makes a race rarer, it never makes a move atomic; use one atomic "
                        + "step (compareAndSet, or synchronized) (O7)",
                LESSON);
    }
}
