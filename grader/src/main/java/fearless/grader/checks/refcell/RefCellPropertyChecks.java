package fearless.grader.checks.refcell;

import fearless.api.cell.RefCellProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.property.StatefulProperty;

/** Two cells against a model of Rust's borrow counts, over random sequences of borrows and releases. */
@Exercise("ref-cell")
class RefCellPropertyChecks {

    /**
     * Random sequences of borrow, borrowMut, tryBorrow, tryBorrowMut, get, set, close, cloneRef,
     * map, replace, swap and take on two cells and their handles: exactly the calls the rules
     * allow succeed, and every other one panics with Rust's message, answers with the right error
     * value, or is E0382.
     */
    @Graded(points = 8, category = Category.PROPERTY, rules = {"B1", "B2", "B3", "B4", "B5", "B6"})
    void borrow_model() {
        RefCellProvider cells = Submission.provider(RefCellProvider.class);
        StatefulProperty.of("cell", () -> new CellSystem(cells), CellModel::new, CellOps.sequences(15))
                .examples(600)
                .check("ref-cell/borrow_model");
    }
}
