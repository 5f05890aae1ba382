package fearless.grader.checks.borrows;

import fearless.api.borrow.OwnerProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.property.Invariant;
import fearless.grader.check.property.StatefulProperty;

/** The owners and their borrows against a model of rustc's borrow checker, over random sequences. */
@Exercise("borrows")
class BorrowsPropertyChecks {

    /**
     * Random sequences of create, borrow, borrowMut, get, set, close of a borrow, move, close of an
     * owner and isOwner, on several owners: exactly the calls the rules allow succeed, every other
     * one fails with rustc's code (E0499, E0502, E0505, E0597 or E0382), and the values dropped so
     * far match the model.
     */
    @Graded(points = 8, category = Category.PROPERTY, rules = {"B1", "B2", "B4", "O8", "L1", "L2"})
    void borrow_checker_model() {
        OwnerProvider owners = Submission.provider(OwnerProvider.class);
        StatefulProperty.of("owner", () -> new BorrowSystem(owners), BorrowModel::new, BorrowOps.sequences(30))
                .invariant(new Invariant<>("the values dropped so far", "O3", BorrowSystem::drops,
                        BorrowModel::drops))
                .examples(300)
                .check("borrows/borrow_checker_model");
    }
}
