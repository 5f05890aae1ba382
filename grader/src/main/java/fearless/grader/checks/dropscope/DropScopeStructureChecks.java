package fearless.grader.checks.dropscope;

import fearless.api.Unimplemented;
import fearless.api.ownership.DropScope;
import fearless.api.ownership.DropScopeProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;

/** Structure check of the scope: what it owns is reachable only through its methods. */
@Exercise("drop-scope")
class DropScopeStructureChecks {

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"O4"})
    void scope_state_is_private() {
        requireImplemented();
        RuleCheck.assertHolds("dropscope", StructureRules.stateFieldsPrivate(),
                "the scope's state is reachable from outside the class: a field that is not private lets other code "
                        + "reorder, drop or steal the values the scope owns (O4)",
                "course-notes/01-ownership.md");
    }

    /**
     * A stub fails here, with its "not yet implemented", before any class is read: the rule judges
     * written code. Any other failure is the behaviour checks' business, not this one's.
     */
    private static void requireImplemented() {
        try {
            DropScope scope = Submission.provider(DropScopeProvider.class).open();
            AutoCloseable value = scope.own(() -> { });
            scope.owned();
            scope.moveOut(value);
            scope.close();
        } catch (Unimplemented stub) {
            throw stub;
        } catch (RuntimeException ignored) {
            // a bug, not a stub
        }
    }
}
