package fearless.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Golden files of the report formats, and the result model they are written from: the shared
 * sample plus an exercise with a hidden check and feedback no format can show raw. Run with
 * {@code -Dgolden.update=true} to accept an intended change, then review the diff.
 */
final class Golden {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private Golden() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, "differs from " + file);
    }

    /** {@link ReportGoldenTest#sample()} with one more exercise: a hidden check, markup and characters XML cannot hold. */
    static GradeReport sample() {
        GradeReport base = ReportGoldenTest.sample();
        CheckResult hidden = new CheckResult("rc/drop_once", "property", List.of("O3"), 0, 3, Status.FAILED,
                "a hidden check: why it failed is not shown", 40, true, false);
        CheckResult hostile = new CheckResult("rc/clone_counts", "behaviour", List.of("O5"), 0, 2, Status.CRASHED,
                "expected <2> & got </testcase> \"3\" | `x` ``` ]]> \u0000nul \ud800lone %0A::error::forged,\r\nnext",
                15, false, false);
        CheckResult skipped = new CheckResult("rc/weak_upgrade", "behaviour", List.of(), 0, 1, Status.SKIPPED,
                "not run: needs clone_counts", 0, false, false);
        CheckResult error = new CheckResult("rc/race_free", "race", List.of("O5"), 0, 1, Status.ERROR,
                "race checker inactive on this JVM", 5, false, true);
        ExerciseResult rc = new ExerciseResult("rc", "sharing", "Shared ownership: Rc<T>", "course-notes/05-rc.md", 0, 7,
                List.of(), List.of(), List.of("Count <clones> & drops."), List.of(hidden, hostile, skipped, error));
        List<ExerciseResult> exercises = new ArrayList<>(base.exercises());
        exercises.add(rc);
        return new GradeReport(base.submission(), base.seed(), base.score(), base.maxScore() + 7, base.durationMs(),
                base.java(), exercises, base.sandbox(), base.refused(), base.rules());
    }
}
