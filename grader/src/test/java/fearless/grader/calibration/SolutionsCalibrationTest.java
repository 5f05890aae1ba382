package fearless.grader.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.report.GradeReport;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference solutions earn every point, whatever the seed. */
class SolutionsCalibrationTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {42, 7, 20261126})
    void solutions_score_full_marks(long seed) {
        GradeReport report = Calibration.grade("solutions", seed, List.of());
        assertTrue(report.maxScore() > 0, "no checks were found");
        assertEquals(report.maxScore(), report.score(), "solutions lost points with seed " + seed + ":"
                + Calibration.summary(report));
        assertEquals(seed, report.seed());
    }
}
