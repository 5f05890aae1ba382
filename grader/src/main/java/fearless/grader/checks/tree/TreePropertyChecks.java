package fearless.grader.checks.tree;

import fearless.api.tree.TreeProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.property.Invariant;
import fearless.grader.check.property.StatefulProperty;

/** The tree against a model that counts references by hand, over random shapes and random orders of closing. */
@Exercise("tree")
class TreePropertyChecks {

    /**
     * Random sequences of leaf, addChild (second parents included, strong cycles left out),
     * children, parent and close, ending by closing every handle left in a random order: every
     * outcome, the values dropped so far in order, the strong counts, the open Weak references and
     * the open borrows must match the model after every step, so at the end every node was dropped
     * exactly once and nothing is left open.
     */
    @Graded(points = 6, category = Category.PROPERTY, rules = {"A1", "A2", "A5", "O4", "B4"})
    void tree_model() {
        TreeProvider provider = Submission.provider(TreeProvider.class);
        StatefulProperty.of("tree", () -> new TreeRun(provider), TreeModel::new, TreeOps.sequences(30))
                .invariant(new Invariant<>("the values dropped so far", "A2", TreeRun::drops, TreeModel::drops))
                .invariant(new Invariant<>("the strong counts", "A1", TreeRun::strongCounts, TreeModel::strongCounts))
                .invariant(new Invariant<>("the open Weak references, by the node they point at", "A2",
                        TreeRun::openWeaks, TreeModel::openWeaks))
                .invariant(new Invariant<>("the open borrows of the tree's RefCells", "B4", TreeRun::openBorrows,
                        m -> 0))
                .examples(200)
                .check("tree/tree_model");
    }
}
