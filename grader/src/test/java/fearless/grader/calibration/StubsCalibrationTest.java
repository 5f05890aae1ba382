package fearless.grader.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.report.CheckResult;
import fearless.grader.report.GradeReport;
import fearless.grader.report.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stubs compile, earn nothing, and say "not yet implemented" without burning a race budget.
 * The stubs as committed: a student's work in {@code exercises/} is not the fixture.
 */
class StubsCalibrationTest {

    @Test
    void stubs_score_zero_and_say_where_to_start() throws Exception {
        Calibration.withProgress("stubs", 1, 1, "as committed", () -> {
            GradeReport report = Calibration.grade(Calibration.stubs().toString(), 42, List.of());
            assertTrue(report.maxScore() > 0, "no checks were found");
            assertEquals(0, report.score(), "a stub earned points:" + passed(report));
            report.exercises().forEach(e -> assertTrue(e.compiled(), e.id() + " stub does not compile: "
                    + e.compileErrors()));
            for (CheckResult check : Calibration.checks(report).toList()) {
                assertEquals(Status.FAILED, check.status(), check.id() + " should fail plainly, not " + check.status()
                        + ": " + check.message());
            }
        });
    }

    private static String passed(GradeReport report) {
        return Calibration.checks(report).filter(CheckResult::passed).map(CheckResult::id).toList().toString();
    }
}
