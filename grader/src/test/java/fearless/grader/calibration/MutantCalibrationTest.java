package fearless.grader.calibration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import fearless.grader.engine.Grader;
import fearless.grader.report.CheckResult;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GradeReport;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each mutant, a realistic student bug laid over the solutions, loses the points of the checks it
 * is meant to trip, and changes nothing outside its own exercise.
 */
class MutantCalibrationTest {

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> each_mutant_trips_its_checks_and_no_other_exercise() {
        List<Path> dirs = Calibration.only("mutant", Calibration.mutantDirs(), Mutant::id);
        return dirs.stream().map(dir -> dynamicTest(Mutant.id(dir), () -> Calibration.withProgress("mutant",
                dirs.indexOf(dir) + 1, dirs.size(), Mutant.id(dir), () -> calibrate(dir))));
    }

    private void calibrate(Path dir) {
        Mutant mutant = Calibration.read(dir);
        assertFalse(mutant.trips().isEmpty(), dir + ": mutant.yaml names no check to trip");
        assertTrue(Calibration.COURSE.exercise(mutant.exercise()).isPresent(), dir + ": unknown exercise");
        String ownPackage = "/" + Calibration.COURSE.exercise(mutant.exercise()).orElseThrow().packageName() + "/";
        for (String file : Calibration.changedFiles(dir, mutant.edits())) {
            // Exercises are compiled, scanned and run apart, so a change confined to one
            // exercise's files cannot cost points elsewhere: grading the others again proves nothing.
            assertTrue(file.contains(ownPackage), dir + " changes " + file + ", outside exercise " + mutant.exercise());
        }
        Path tree = Calibration.overlay(dir, mutant.edits(), work.resolve(dir.getParent().getFileName() + "-" + dir.getFileName()));
        // Only the checks it names run: that they fail is the claim, and the other checks of its
        // exercise would only cost time (a mutant that hangs one check often hangs several).
        GradeReport report = Calibration.grade(new Grader.Request(tree.toString(), Calibration.ROOT,
                List.of(mutant.exercise()), 42).onlyChecks(mutant.trips()));
        for (String trip : mutant.trips()) {
            CheckResult check = Calibration.checks(report).filter(c -> c.id().equals(trip)).findFirst()
                    .orElseThrow(() -> new AssertionError(dir + " names an unknown check " + trip));
            assertFalse(check.passed(), trip + " did not catch mutant '" + mutant.description() + "'");
        }
        ExerciseResult exercise = report.exercises().get(0);
        assertTrue(exercise.ran(), dir + " does not compile or is refused: " + exercise.compileErrors()
                + exercise.violations());
        assertTrue(exercise.score() < exercise.maxScore());
    }
}
