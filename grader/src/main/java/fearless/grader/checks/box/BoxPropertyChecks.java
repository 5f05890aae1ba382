package fearless.grader.checks.box;

import fearless.api.ownership.BoxProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.property.Invariant;
import fearless.grader.check.property.StatefulProperty;

/** The box against a model of Rust's ownership, over random sequences of uses of several handles. */
@Exercise("box")
class BoxPropertyChecks {

    /**
     * Random sequences of create, get, move, cloneWith, set, replace, isOwner and close on several
     * handles: every outcome, and the values dropped so far, must match the model.
     */
    @Graded(points = 6, category = Category.PROPERTY, rules = {"O1", "O2", "O3", "O5"})
    void ownership_model() {
        BoxProvider boxes = Submission.provider(BoxProvider.class);
        StatefulProperty.of("box", () -> new Handles(boxes), BoxModel::new, BoxOps.sequences(30))
                .invariant(new Invariant<>("the values dropped so far", "O3", Handles::drops, BoxModel::drops))
                .examples(200)
                .check("box/ownership_model");
    }
}
