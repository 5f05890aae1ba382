package fearless.grader.checks.arc;

import fearless.grader.checks.rc.RcModel;
import fearless.api.sync.ArcProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.property.Invariant;
import fearless.grader.check.property.StatefulProperty;

/** Arc and Weak against a model of their counts, over random sequences of uses of several handles. */
@Exercise("arc")
class ArcPropertyChecks {

    /**
     * Random sequences of create, newWeak, cloneArc, downgrade, upgrade, cloneWeak, close (strong and
     * weak), tryUnwrap, getMut, get, the counts and ptrEq: every outcome, and the values dropped so
     * far, must match the model.
     */
    @Graded(points = 8, category = Category.PROPERTY, rules = {"A1", "A2", "A3", "A4", "A5"})
    void counting_model() {
        ArcProvider arcs = Submission.provider(ArcProvider.class);
        StatefulProperty.of("arc", () -> new ArcHandles(arcs), RcModel::new, ArcOps.sequences(40))
                .invariant(new Invariant<>("the values dropped so far", "A2", ArcHandles::drops, RcModel::drops))
                .examples(200)
                .check("arc/counting_model");
    }
}
