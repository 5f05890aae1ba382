package fearless.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import fearless.grader.report.ClassStatistics.CheckStat;
import fearless.grader.report.ClassStatistics.LineCount;
import fearless.grader.report.ClassStatistics.RuleStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A class's statistics from a few hand-made grades, and their CSV and page against golden files. */
class StatisticsTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static CheckResult smoke(Status status, String message) {
        return new CheckResult("mutex/smoke", "behaviour", List.of("X1"), status == Status.PASSED ? 2 : 0, 2, status,
                message, 5, false, false);
    }

    private static CheckResult exclusion(Status status, String message) {
        return new CheckResult("mutex/lots_and_lots", "race", List.of("X2", "X1"), status == Status.PASSED ? 5 : 0, 5,
                status, message, 5, false, true);
    }

    private static CheckResult move(Status status, String message) {
        return new CheckResult("box/move_transfers", "behaviour", List.of("O2"), status == Status.PASSED ? 3 : 0, 3,
                status, message, 5, false, false);
    }

    private static GradeReport report(String who, CheckResult move, CheckResult smoke, CheckResult exclusion,
                                      boolean compiles) {
        Map<String, GradeReport.RuleLink> rules = new LinkedHashMap<>();
        rules.put("O2", new GradeReport.RuleLink("a move kills the old handle", "course-notes/01-ownership.md#rule-o2"));
        rules.put("X1", new GradeReport.RuleLink("lock returns a guard", "course-notes/06-mutex.md#rule-x1"));
        rules.put("X2", new GradeReport.RuleLink("mutual exclusion", "course-notes/06-mutex.md#rule-x2"));
        ExerciseResult box = new ExerciseResult("box", "ownership", "Box", "course-notes/01-ownership.md",
                move.score(), 3, compiles ? List.of() : List.of("Box.java:1: error: ';' expected"), List.of(), List.of(),
                List.of(move));
        ExerciseResult mutex = new ExerciseResult("mutex", "mutex", "Mutex", "course-notes/06-mutex.md",
                smoke.score() + exclusion.score(), 7, List.of(), List.of(), List.of(), List.of(smoke, exclusion));
        return new GradeReport(who, 42, box.score() + mutex.score(), 10, 100, "jdk", List.of(box, mutex), "none",
                List.of(), rules);
    }

    /** Four submissions: full marks, a race, the same race and a broken smoke test, a box that does not compile. */
    static List<GradeReport> classOfFour() {
        String race = "two threads held the lock at once (X2)\nthread 1 | thread 2\nlock() |\n       | lock()";
        return List.of(
                report("alice", move(Status.PASSED, ""), smoke(Status.PASSED, ""), exclusion(Status.PASSED, ""), true),
                report("bob", move(Status.PASSED, ""), smoke(Status.PASSED, ""), exclusion(Status.FAILED, race), true),
                report("carol", move(Status.FAILED, "\n  =HYPERLINK(\"x\"), \"quoted\"\nsecond line"),
                        smoke(Status.TIMEOUT, "did not finish in time: every thread waits"),
                        exclusion(Status.FAILED, race), true),
                report("dave", move(Status.FAILED, "not run: the exercise does not compile"), smoke(Status.PASSED, ""),
                        exclusion(Status.SKIPPED, "not run: an earlier check crashed the JVM"), false));
    }

    @Test
    void counts_verdicts_and_failures_per_check() {
        ClassStatistics stats = Statistics.of(classOfFour());
        assertEquals(4, stats.submissions());
        assertEquals(List.of(
                new CheckStat("box/move_transfers", "box", "behaviour", List.of("O2"), 3, 4, 2, List.of(
                        new LineCount("=HYPERLINK(\"x\"), \"quoted\"", 1),
                        new LineCount("not run: the exercise does not compile", 1))),
                new CheckStat("mutex/smoke", "mutex", "behaviour", List.of("X1"), 2, 4, 1, List.of(
                        new LineCount("did not finish in time: every thread waits", 1))),
                new CheckStat("mutex/lots_and_lots", "mutex", "race", List.of("X2", "X1"), 5, 3, 2, List.of(
                        new LineCount("two threads held the lock at once (X2)", 2)))), stats.checks());
    }

    @Test
    void counts_per_rule_over_the_checks_citing_it() {
        ClassStatistics stats = Statistics.of(classOfFour());
        assertEquals(List.of("O2", "X1", "X2"), stats.rules().stream().map(RuleStat::id).toList());
        RuleStat x1 = stats.rules().get(1);
        assertEquals(new RuleStat("X1", "lock returns a guard", "course-notes/06-mutex.md#rule-x1",
                List.of("mutex/smoke", "mutex/lots_and_lots"), 7, 3, 2, List.of(
                        new LineCount("two threads held the lock at once (X2)", 2),
                        new LineCount("did not finish in time: every thread waits", 1))), x1);
    }

    @Test
    void keeps_the_three_most_common_lines_most_frequent_first_ties_by_text() {
        List<CheckResult> verdicts = List.of(smoke(Status.FAILED, "b"), smoke(Status.FAILED, "d"),
                smoke(Status.FAILED, "c"), smoke(Status.FAILED, "a"), smoke(Status.FAILED, "d"),
                smoke(Status.PASSED, "ignored"), smoke(Status.FAILED, "\u001b[2Kx"), smoke(Status.FAILED, ""));
        assertEquals(List.of(new LineCount("d", 2), new LineCount("\\x1b[2Kx", 1), new LineCount("a", 1)),
                Statistics.commonFirstLines(verdicts));
    }

    @Test
    void no_submissions_no_rows() {
        assertEquals(new ClassStatistics(0, List.of(), List.of()), Statistics.of(List.of()));
    }

    @Test
    void csv_matches_golden() throws IOException {
        assertGolden("statistics.csv", new StatisticsCsv().render(Statistics.of(classOfFour())));
    }

    /** A comma, a quote and a line break in a message come back as they were; a formula does not run. */
    @Test
    void csv_cells_read_back() throws IOException {
        ClassStatistics stats = new ClassStatistics(1, List.of(new CheckStat("a/b", "a", "race", List.of(), 1, 1, 1,
                List.of(new LineCount("x, \"y\"\nz", 1), new LineCount("@SUM(A1)", 1)))), List.of());
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = csv.readerForListOf(String.class)
                .readValues(new StatisticsCsv().render(stats))) {
            List<List<String>> all = rows.readAll();
            assertEquals(2, all.size());
            List<String> header = all.get(0);
            List<String> row = all.get(1);
            assertEquals("x, \"y\"\nz", row.get(header.indexOf("line_1")));
            assertEquals("'@SUM(A1)", row.get(header.indexOf("line_2")));
            assertEquals("check", row.get(header.indexOf("kind")));
        }
    }

    @Test
    void page_matches_golden() throws IOException {
        assertGolden("statistics.html", new StatisticsPage().render(Statistics.of(classOfFour())));
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, "differs from " + file);
    }
}
