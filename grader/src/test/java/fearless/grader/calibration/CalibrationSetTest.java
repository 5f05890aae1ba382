package fearless.grader.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.engine.CheckCatalog;
import fearless.grader.engine.CheckSpec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The calibration set is complete: every graded check is tripped by at least one mutant (a check
 * that cannot fail is a defect), every exercise has at least four mutants, and the manifest's
 * points are the sum of the checks' points, as the manifest's overrides set them (an override that
 * names no check fails every test here).
 */
class CalibrationSetTest {

    private static final List<String> EXERCISES =
            Calibration.COURSE.exercises().stream().map(ExerciseInfo::id).toList();

    private final List<CheckSpec> checks = CheckCatalog.discover(Calibration.COURSE,
            CheckCatalog.CHECKS_PACKAGE, EXERCISES);

    @Test
    void every_check_is_tripped_by_a_mutant() {
        Set<String> tripped = new HashSet<>();
        for (Path dir : Calibration.mutantDirs()) {
            tripped.addAll(Calibration.read(dir).trips());
        }
        List<String> untested = checks.stream().map(CheckSpec::id).filter(id -> !tripped.contains(id)).toList();
        assertTrue(untested.isEmpty(), "checks no mutant trips (they may be unable to fail): " + untested);
    }

    @Test
    void every_exercise_has_four_mutants() {
        for (String exercise : EXERCISES) {
            long count = Calibration.mutantDirs().stream()
                    .filter(dir -> Calibration.read(dir).exercise().equals(exercise)).count();
            assertTrue(count >= 4, exercise + " has " + count + " mutants; at least 4 are needed");
        }
    }

    @Test
    void manifest_points_are_the_sum_of_the_checks() {
        for (ExerciseInfo exercise : Calibration.COURSE.exercises()) {
            int sum = checks.stream().filter(c -> c.exercise().equals(exercise.id())).mapToInt(CheckSpec::points).sum();
            assertEquals(exercise.points(), sum, "points of " + exercise.id() + " in course.yaml");
        }
    }

    @Test
    void every_check_cites_rules_and_is_worth_points() {
        assertFalse(checks.isEmpty());
        for (CheckSpec check : checks) {
            assertFalse(check.rules().isEmpty(), check.id() + " cites no rule");
            assertTrue(check.points() > 0, check.id() + " is worth nothing");
            assertTrue(Calibration.COURSE.exercise(check.exercise()).isPresent(), check.id() + ": unknown exercise");
        }
    }
}
