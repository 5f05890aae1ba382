package fearless.grader.checks.spawn;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.property.StatefulProperty;
import fearless.grader.check.race.Bounded;

/** Join handles against a model of Rust's, over random sequences of spawns and uses of their handles. */
@Exercise("spawn")
class SpawnPropertyChecks {

    /**
     * Random sequences of spawns (plain, through a builder, named; bodies that return, panic, or
     * panic with another payload), joins, closes, names and isFinished on used handles: every
     * outcome must match the model. Each handle answers for itself: a builder's name, a join's
     * result and a handle used up never leak into another.
     */
    @Graded(points = 3, category = Category.PROPERTY, rules = {"T2", "T4", "T5"})
    void handle_model() {
        Bounded.run("a sequence of spawns and joins got stuck: did a join() never return? (T2)",
                java.time.Duration.ofSeconds(8), () -> {
                    StatefulProperty.of("join handle", () -> new ThreadHandles(Spawns.threads()), HandleModel::new,
                                    HandleOps.sequences(14))
                            .cleanup(ThreadHandles::closeAll)
                            .examples(150)
                            .check("spawn/handle_model");
                });
    }
}
