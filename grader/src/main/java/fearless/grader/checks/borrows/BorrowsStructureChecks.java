package fearless.grader.checks.borrows;

import fearless.api.Unimplemented;
import fearless.api.borrow.Owner;
import fearless.api.borrow.OwnerProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.structure.RuleCheck;
import fearless.grader.check.structure.StructureRules;
import java.util.List;
import java.util.function.Consumer;

/** Structure check of the owner and its borrows: the borrow counts and the open flags are theirs alone. */
@Exercise("borrows")
class BorrowsStructureChecks {

    @Graded(points = 1, category = Category.STRUCTURE, rules = {"B2", "L2"})
    void borrow_state_is_private() {
        requireImplemented();
        RuleCheck.assertHolds("borrows", StructureRules.stateFieldsPrivate(),
                "the borrow state is reachable from outside its class: a field that is not private lets other code "
                        + "reset a borrow count or reopen a closed borrow, which is exactly what the borrow checker "
                        + "forbids (B2, L2)",
                "course-notes/02-borrowing.md");
    }

    /**
     * A stub fails here, with its "not yet implemented", before any class is read: the rule judges
     * written code. Any other failure is the behaviour checks' business, not this one's.
     */
    private static void requireImplemented() {
        OwnerProvider owners = Submission.provider(OwnerProvider.class);
        List<Consumer<Owner<String>>> uses = List.of(o -> o.borrow().get(), o -> o.borrow().close(),
                o -> o.borrowMut().set("w"), o -> o.borrowMut().close(), Owner::isOwner, Owner::move, Owner::close);
        for (Consumer<Owner<String>> use : uses) {
            try {
                use.accept(owners.create("v", v -> { }));
            } catch (Unimplemented stub) {
                throw stub;
            } catch (RuntimeException ignored) {
                // a bug, not a stub
            }
        }
    }
}
