package fearless.grader.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GradeReport;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Correct designs other than the reference solution keep full marks: the checks forbid only what
 * the lessons forbid. Each alternative, in {@code src/test/resources/alternatives/<exercise>/<name>/},
 * replaces files of one exercise's solution with another sound design (a try-lock and back-off
 * bank, philosophers ordered odd and even) and is graded on three seeds.
 */
class AlternativesCalibrationTest {

    private static final Path ALTERNATIVES = Path.of("src/test/resources/alternatives").toAbsolutePath();

    /** What an alternative's {@code alternative.yaml} says: its exercise, and the design in one sentence. */
    record Alternative(String exercise, String description) {
    }

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> each_alternative_design_keeps_full_marks() {
        List<Path> dirs = Calibration.only("alternative", Calibration.dirsWith(ALTERNATIVES, "alternative.yaml"),
                AlternativesCalibrationTest::id);
        return dirs.stream().map(dir -> dynamicTest(id(dir), () -> Calibration.withProgress("alternative",
                dirs.indexOf(dir) + 1, dirs.size(), id(dir), () -> grade(dir))));
    }

    private void grade(Path dir) {
        Alternative alternative = Calibration.readYaml(dir.resolve("alternative.yaml"), Alternative.class);
        assertTrue(Calibration.COURSE.exercise(alternative.exercise()).isPresent(), dir + ": unknown exercise");
        String ownPackage = "/" + Calibration.COURSE.exercise(alternative.exercise()).orElseThrow().packageName() + "/";
        for (String file : Calibration.changedFiles(dir, List.of())) {
            assertTrue(file.contains(ownPackage), dir + " changes " + file + ", outside " + alternative.exercise());
        }
        Path tree = Calibration.overlay(dir, List.of(), work.resolve(dir.getFileName().toString()));
        for (long seed : new long[] {42, 7, 20261126}) {
            GradeReport report = Calibration.grade(tree.toString(), seed, List.of(alternative.exercise()));
            ExerciseResult exercise = report.exercises().get(0);
            assertTrue(exercise.ran(), dir + " does not compile or is refused: " + exercise.compileErrors()
                    + exercise.violations());
            assertEquals(exercise.maxScore(), exercise.score(), "'" + alternative.description() + "' lost points with seed "
                    + seed + ":" + Calibration.summary(report));
        }
    }

    private static String id(Path dir) {
        return dir.getParent().getFileName() + "/" + dir.getFileName();
    }
}
