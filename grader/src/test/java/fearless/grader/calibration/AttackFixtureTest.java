package fearless.grader.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import fearless.grader.engine.Grader;
import fearless.grader.report.CheckResult;
import fearless.grader.report.ConsoleReport;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GradeReport;
import fearless.grader.report.JsonReport;
import fearless.grader.report.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or broken submissions: each fixture is the reference solution with one attack laid
 * over it. Whatever the attack, grading ends in bounded time, the attacked exercise's checks get
 * the expected verdicts, another exercise graded in the same run gets exactly the solutions'
 * verdicts, and the reports are written.
 */
class AttackFixtureTest {

    static final Path ATTACKS = Path.of("src/test/resources/attacks").toAbsolutePath();

    /**
     * An attack as its {@code attack.yaml} describes it.
     *
     * @param verdicts statuses the attacked checks may end with; at least one check must get one
     * @param feedback text that must appear in some attacked check's feedback (or null)
     * @param maxSeconds the bound on the whole grading run
     * @param scan false to switch the bytecode scan off and prove the child JVM's isolation alone
     * @param violation text the scan must report for the attacked exercise (or null)
     * @param absentFile a path, relative to the grader's working folder, the attack must not create
     * @param everyExercise the attack sits outside every exercise, so every exercise is attacked
     */
    record Attack(String exercise, String description, List<String> verdicts, String feedback,
                  boolean compileError, int maxSeconds, Boolean scan, String violation, String absentFile,
                  boolean everyExercise, List<Calibration.Edit> edits) {
        Attack {
            verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
            edits = edits == null ? List.of() : List.copyOf(edits);
            scan = scan == null || scan;
        }
    }

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> each_attack_is_contained() {
        return Calibration.dirsWith(ATTACKS, "attack.yaml").stream()
                .filter(Calibration.only("attack"))
                .map(dir -> dynamicTest(dir.getFileName().toString(), () -> contain(dir)));
    }

    /**
     * The solutions' verdicts on this JVM: what an unattacked exercise must get again. (On a JVM
     * where the race checker is inactive, its race checks are errors for the solutions too.)
     */
    private static Map<String, Status> baseline;

    private static synchronized Map<String, Status> baseline() {
        if (baseline == null) {
            baseline = Calibration.checks(Calibration.grade("solutions", 42, List.of()))
                    .collect(Collectors.toMap(CheckResult::id, CheckResult::status));
        }
        return baseline;
    }

    private static void assertSameAsSolutions(ExerciseResult exercise, String message) {
        for (CheckResult check : exercise.checks()) {
            assertEquals(baseline().get(check.id()), check.status(), message + ": " + check.id() + " "
                    + check.message().lines().findFirst().orElse(""));
        }
    }

    private void contain(Path dir) {
        Attack attack = Calibration.readYaml(dir.resolve("attack.yaml"), Attack.class);
        Path tree = Calibration.overlay(dir, attack.edits(), work.resolve(dir.getFileName()));
        String bystander = Calibration.COURSE.exercises().stream().map(e -> e.id())
                .filter(id -> !id.equals(attack.exercise())).findFirst().orElseThrow();
        long start = System.nanoTime();
        Grader.Request request = new Grader.Request(tree.toString(), Calibration.ROOT,
                List.of(attack.exercise(), bystander), 42);
        GradeReport report = Calibration.grade(attack.scan() ? request : request.withoutScan());
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds <= attack.maxSeconds(), dir.getFileName() + " took " + seconds + " s");

        if (attack.absentFile() != null) {
            assertFalse(Files.exists(Path.of(attack.absentFile())), "the attack created " + attack.absentFile());
        }
        new ConsoleReport().render(report);
        String json = new JsonReport().render(report);
        assertTrue(json.length() < 2_000_000, "the report grew to " + json.length() + " characters");
        for (ExerciseResult exercise : report.exercises()) {
            if (!exercise.id().equals(attack.exercise()) && !attack.everyExercise()) {
                assertSameAsSolutions(exercise, dir + " changed verdicts in " + exercise.id());
                continue;
            }
            assertEquals(attack.compileError(), !exercise.compiled(), "compile errors: " + exercise.compileErrors());
            List<CheckResult> hit = exercise.checks().stream()
                    .filter(c -> attack.verdicts().contains(c.status().id())).toList();
            if (!attack.verdicts().isEmpty()) {
                assertFalse(hit.isEmpty(), dir.getFileName() + ": no check ended " + attack.verdicts() + ":"
                        + Calibration.summary(report));
            } else {
                assertSameAsSolutions(exercise, dir + " should be harmless");
            }
            if (attack.violation() != null) {
                assertTrue(exercise.violations().stream().anyMatch(v -> v.contains(attack.violation())),
                        "the scan did not report '" + attack.violation() + "': " + exercise.violations());
            }
            if (attack.feedback() != null) {
                assertTrue(exercise.checks().stream().anyMatch(c -> c.message().contains(attack.feedback())),
                        "no feedback mentions '" + attack.feedback() + "':" + Calibration.summary(report));
            }
        }
    }
}
