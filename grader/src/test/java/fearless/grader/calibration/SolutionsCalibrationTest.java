package fearless.grader.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.report.GradeReport;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reference solutions earn every point, whatever the seed. */
class SolutionsCalibrationTest {

    private static final List<Long> SEEDS = List.of(42L, 7L, 20261126L);

    static List<Long> seeds() {
        return SEEDS;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void solutions_score_full_marks(long seed) throws Exception {
        Calibration.withProgress("solutions", SEEDS.indexOf(seed) + 1, SEEDS.size(), "seed " + seed, () -> {
            GradeReport report = Calibration.grade("solutions", seed, List.of());
            assertTrue(report.maxScore() > 0, "no checks were found");
            assertEquals(report.maxScore(), report.score(), "solutions lost points with seed " + seed + ":"
                    + Calibration.summary(report));
            assertEquals(seed, report.seed());
        });
    }
}
