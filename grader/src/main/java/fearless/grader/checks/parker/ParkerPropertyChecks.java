package fearless.grader.checks.parker;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.property.StatefulProperty;
import fearless.grader.check.race.Patience;
import java.time.Duration;

/**
 * The parker against a one-bit model, its token: random sequences of unparks (on the owner thread
 * or another one), parks that find the token, short timed parks that find none, and zero or
 * negative timeouts must give the outcomes the model predicts. Two unparks leave one token; a park
 * takes it; a zero timeout takes it too. The first disagreement is minimized and shown as
 * numbered steps with the seed.
 */
@Exercise("parker")
class ParkerPropertyChecks {

    /** Sequences tried: each short timed park without a token waits its timeout, so fewer than usual. */
    private static final int EXAMPLES = 40;

    /**
     * How long a park that finds the token, or an unpark, may take before it counts as blocked:
     * a correct parker needs microseconds, and a short bound keeps minimizing a blocking
     * sequence quick.
     */
    private static final Duration PROMPT = Duration.ofMillis(250);

    @Graded(points = 3, category = Category.PROPERTY, rules = {"T7"})
    void one_token_model() {
        Parkers.requireImplemented();
        Duration bound = Patience.stretched(PROMPT, 1, Duration.ofSeconds(1));
        StatefulProperty.of("parker", () -> new OwnedParker(Parkers.fresh(), bound), TokenModel::new,
                        TokenOps.sequences())
                .cleanup(OwnedParker::close)
                .examples(EXAMPLES)
                .check("parker/one_token_model");
    }
}
