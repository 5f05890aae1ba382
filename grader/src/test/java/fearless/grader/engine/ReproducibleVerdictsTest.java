package fearless.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fearless.grader.calibration.Mutant;
import fearless.grader.course.Course;
import fearless.grader.report.CheckResult;
import fearless.grader.report.GradeReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the report's {@code reproduce:} line and the lessons promise: a failing property check and a
 * failing model check give the same verdict, with the same evidence, when run again with their seed.
 */
class ReproducibleVerdictsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final List<String> CHECKS = List.of("box/ownership_model", "box/moves_are_linearizable");

    @TempDir
    Path work;

    @Test
    void the_same_seed_gives_the_same_verdict_and_the_same_evidence() throws Exception {
        Path mutant = ROOT.resolve(Mutant.SET).resolve("box/close-not-idempotent");
        Path tree = Mutant.layOver(mutant, Mutant.read(mutant).edits(), ROOT.resolve("solutions"), work.resolve("m"));
        List<GradeReport> runs = new Grader(Course.load(), Path.of(System.getProperty("java.home"), "bin", "java"))
                .grade(new Grader.Request(tree.toString(), ROOT, List.of(), 7).onlyChecks(CHECKS), List.of(7L, 7L));
        List<CheckResult> first = runs.get(0).exercises().get(0).checks();
        List<CheckResult> again = runs.get(1).exercises().get(0).checks();
        assertEquals(CHECKS.size(), first.size());
        for (int i = 0; i < first.size(); i++) {
            CheckResult check = first.get(i);
            assertFalse(check.passed(), check.id() + " should catch the mutant");
            assertFalse(check.dependsOnScheduling(), check.id() + " promises its seed reproduces it");
            assertEquals(check.status(), again.get(i).status(), check.id());
            assertEquals(check.message(), again.get(i).message(), check.id());
        }
    }
}
