package fearless.grader.checks.rc;

import fearless.api.rc.RcProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.property.Invariant;
import fearless.grader.check.property.StatefulProperty;

/** Rc and Weak against a model of their counts, over random sequences of uses of several handles. */
@Exercise("rc")
class RcPropertyChecks {

    /**
     * Random sequences of create, newWeak, cloneRc, downgrade, upgrade, cloneWeak, close (strong and
     * weak), tryUnwrap, getMut, get, the counts and ptrEq: every outcome, and the values dropped so
     * far, must match the model.
     */
    @Graded(points = 8, category = Category.PROPERTY, rules = {"A1", "A2", "A3", "A4", "A5"})
    void counting_model() {
        RcProvider rcs = Submission.provider(RcProvider.class);
        StatefulProperty.of("rc", () -> new RcHandles(rcs), RcModel::new, RcOps.sequences(40))
                .invariant(new Invariant<>("the values dropped so far", "A2", RcHandles::drops, RcModel::drops))
                .examples(200)
                .check("rc/counting_model");
    }
}
