package fearless.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each report format, written from one fixed result model, matches its golden file. To accept an
 * intended change, run with {@code -Dgolden.update=true} and review the diff.
 */
class ReportGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static GradeReport sample() {
        CheckResult passed = new CheckResult("mutex/smoke", "behaviour", List.of("X1"), 2, 2, Status.PASSED, "", 12, false,
                false);
        CheckResult failed = new CheckResult("mutex/lots_and_lots", "race", List.of("X2"), 0, 5, Status.FAILED,
                "8 threads x 1000 increments ended at 7998, not 8000: two threads held the lock at once (X2)\n"
                        + "round 3 of 20\nseed 42\n\u001b[2K\rforged row\u202e\n"
                        + "thread 1 | thread 2\nlock()   |\n         | lock()\nread 4   |\n         | read 4\n"
                        + "write 5  |\n         | write 5", 830, false, true);
        CheckResult timedOut = new CheckResult("mutex/no_lost_wakeup", "race", List.of("X1", "C4"), 0, 4, Status.TIMEOUT,
                "did not finish in time: every thread waits\n\"waiter-1\" WAITING\n  at Object.wait\n  at BasicMutex.lock\n"
                        + "\"waiter-2\" WAITING\n  at Object.wait\n  at BasicMutex.lock\n\"main\" WAITING\n  at Thread.join\n"
                        + "  at Check.run", 6000, false, false);
        ExerciseResult mutex = new ExerciseResult("mutex", "mutex", "A mutex with guards and poisoning",
                "course-notes/06-mutex.md", 2, 11, List.of(), List.of(), List.of("Wait in a loop.", "Unlock with notifyAll."),
                List.of(passed, failed, timedOut));
        ExerciseResult box = new ExerciseResult("box", "ownership", "An owning handle: Box<T>", "course-notes/01-ownership.md",
                0, 3, List.of("""
                        src/main/java/fearless/exercises/box/OwnedBox.java:12: error: ';' expected
                                return value
                                            ^""", """
                        src/main/java/fearless/exercises/box/OwnedBox.java:17: error: cannot find symbol
                                \\x1b[2Kreturn nothing;
                                              ^
                          symbol:   variable nothing
                          location: class fearless.exercises.box.OwnedBox"""), List.of(), List.of(),
                List.of(new CheckResult("box/move_transfers", "behaviour", List.of("O2"), 0, 3, Status.FAILED,
                        "not run: the exercise does not compile", 0, false, false)));
        ExerciseResult scope = new ExerciseResult("drop-scope", "ownership", "Scopes and drop order",
                "course-notes/01-ownership.md", 0, 2, List.of(),
                List.of("Scope.java:31: calls java.lang.System.exit (ending the JVM is the grader's job)"),
                List.of("A stack, not a queue."),
                List.of(new CheckResult("drop-scope/reverse_order", "property", List.of("O4"), 0, 2, Status.FAILED,
                        "not run: the exercise uses what a submission may not touch", 0, false, false)));
        Map<String, GradeReport.RuleLink> rules = new LinkedHashMap<>();
        rules.put("O2", new GradeReport.RuleLink("a move kills the old handle (E0382)",
                "course-notes/01-ownership.md#rule-o2"));
        rules.put("O4", new GradeReport.RuleLink("dropped in reverse order", "course-notes/01-ownership.md#rule-o4"));
        rules.put("X1", new GradeReport.RuleLink("lock returns a guard; dropping it unlocks",
                "course-notes/06-mutex.md#rule-x1"));
        rules.put("X2", new GradeReport.RuleLink("mutual exclusion", "course-notes/06-mutex.md#rule-x2"));
        return new GradeReport("exercises", 42, 2, 16, 4321, "Eclipse Adoptium 17.0.15+6", List.of(box, scope, mutex),
                "bwrap", List.of("fearless/exercises/mutex/Link.java: a symbolic link; only regular files inside the"
                        + " submission are read"), rules);
    }

    /** The whole text, nothing cut: what report.txt holds. */
    @Test
    void full_text_matches_golden() throws IOException {
        assertGolden("report.txt", new ConsoleReport().render(sample()));
    }

    /** The terminal: the first failure of an exercise whole, the next ones cut, pointing at the saved text. */
    @Test
    void terminal_report_matches_golden() throws IOException {
        assertGolden("console.txt", ConsoleReport.forTerminal(false, "fearless-report/report.txt").render(sample()));
    }

    @Test
    void verbose_terminal_report_cuts_nothing() {
        assertEquals(new ConsoleReport().render(sample()),
                ConsoleReport.forTerminal(true, "fearless-report/report.txt").render(sample()));
    }

    @Test
    void json_report_matches_golden() throws IOException {
        assertGolden("report.json", new JsonReport().render(sample()));
    }

    /** One standalone page: styles inline, nothing fetched, the interleaving as a table. */
    @Test
    void html_report_matches_golden() throws IOException {
        assertGolden("report.html", new HtmlReport().render(sample()));
    }

    @Test
    void json_report_reads_back_to_the_same_model() throws IOException {
        assertEquals(sample(), JsonReport.parse(new JsonReport().render(sample())));
    }

    /** The JSON fields others build on: renaming one breaks them, so this list only grows. */
    @Test
    void json_report_keeps_its_contract_fields() throws IOException {
        JsonNode root = new ObjectMapper().readTree(new JsonReport().render(sample()));
        for (String field : List.of("submission", "seed", "score", "maxScore", "durationMs", "exercises", "rules")) {
            assertTrue(root.has(field), field);
        }
        JsonNode exercise = root.get("exercises").get(2);
        for (String field : List.of("id", "topic", "score", "maxScore", "checks")) {
            assertTrue(exercise.has(field), field);
        }
        JsonNode check = exercise.get("checks").get(1);
        for (String field : List.of("id", "category", "rules", "score", "maxScore", "status", "message", "durationMs",
                "dependsOnScheduling")) {
            assertTrue(check.has(field), field);
        }
        assertEquals("failed", check.get("status").asText());
        assertEquals("race", check.get("category").asText());
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, "differs from " + file);
    }
}
