package fearless.grader.checks.dropscope;

import fearless.api.ownership.DropScopeProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.property.Invariant;
import fearless.grader.check.property.StatefulProperty;

/** The scope against a model of Rust's scopes (a stack), over random sequences of owning and moving out. */
@Exercise("drop-scope")
class DropScopePropertyChecks {

    /**
     * Random sequences of own, moveOut, owned and close (with equal twins, strangers and resources
     * that fail on close): every outcome, and the resources dropped so far in their order, must
     * match a stack.
     */
    @Graded(points = 6, category = Category.PROPERTY, rules = {"O2", "O3", "O4"})
    void drop_order_model() {
        DropScopeProvider scopes = Submission.provider(DropScopeProvider.class);
        StatefulProperty.of("scope", () -> new ScopeSystem(scopes.open()), ScopeModel::new, ScopeOps.sequences(25))
                .invariant(new Invariant<>("the resources dropped so far", "O4", ScopeSystem::drops,
                        ScopeModel::drops))
                .examples(200)
                .check("drop-scope/drop_order_model");
    }
}
