package fearless.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fearless.grader.export.ExportSummary.Part;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code fearless export} prints, from one fixed summary, matches its golden file. To accept an
 * intended change, run with {@code -Dgolden.update=true} and review the diff.
 */
class ExportSummaryGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static ExportSummary sample() {
        return new ExportSummary("/home/teacher/fearless-student", List.of(
                new Part("pom.xml", 1, "the build, without the solutions module"),
                new Part("fearless", 1, "the command line: ./fearless grade"),
                new Part("README.md", 1, "the student's guide: the loop, the report, the lessons"),
                new Part(".gitignore", 1, "build output and reports stay out of git"),
                new Part(".github/workflows/grade.yml", 1, "CI: grades every push, keeps fearless-report/"),
                new Part("api/", 15, "the interfaces to implement"),
                new Part("exercises/", 1, "the stubs to complete"),
                new Part("grader/", 108, "the engine and the public checks"),
                new Part("course-notes/", 5, "the lessons and the rule index")),
                List.of("fearless.grader.checks.mutex.MutexWaitChecks"), 2);
    }

    @Test
    void export_summary_matches_golden() throws IOException {
        assertGolden("export.txt", sample().render());
    }

    @Test
    void without_hidden_checks_it_says_so() {
        ExportSummary none = new ExportSummary("/tmp/s", List.of(new Part("api/", 2, "the interfaces")), List.of(), 0);
        assertEquals("""
                wrote the student repository /tmp/s
                  api/    2 files  the interfaces
                left out: solutions/, the calibration mutants, the attack fixtures, the project's tests, bench/,\
                 instructor-only lessons
                hidden checks: none
                """, none.render());
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, "differs from " + file);
    }
}
