package fearless.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.course.Course;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The student's loop around a grade: the saved reports, {@code list} and {@code hint}. */
class StudentLoopTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String SOLUTIONS = Path.of("..", "solutions").toAbsolutePath().normalize().toString();
    private static final String EXERCISES = Path.of("..", "exercises").toAbsolutePath().normalize().toString();

    @TempDir
    Path dir;

    private final Terminal terminal = new Terminal();
    private final StringWriter out = terminal.out;
    private final StringWriter err = terminal.err;

    /** Whatever the workspace holds, every file the terminal points to exists. */
    @Test
    void every_run_saves_the_whole_text_where_the_terminal_says() throws IOException {
        Path reports = dir.resolve("reports");
        assertEquals(0, terminal.run("grade", EXERCISES, "-e", "drop-scope", "--out", reports.toString()), err.toString());
        assertTrue(Files.isRegularFile(reports.resolve("report.txt")));
        assertTrue(Files.isRegularFile(reports.resolve("report.json")));
        assertTrue(Files.readString(reports.resolve("report.txt")).contains("drop-scope/reverse_drop_order"));
        Matcher pointer = Pattern.compile("(?:more lines in|more in|whole report:) (\\S+?)[;)\\s]").matcher(out.toString());
        int pointers = 0;
        while (pointer.find()) {
            assertTrue(Files.isRegularFile(Path.of(pointer.group(1))), pointer.group(1) + " in\n" + out);
            pointers++;
        }
        assertTrue(pointers > 0, out.toString());
    }

    @Test
    void list_shows_the_latest_grade_of_each_exercise_and_the_next_one() {
        Path reports = dir.resolve("reports");
        assertEquals(0, terminal.run("grade", SOLUTIONS, "-e", "drop-scope", "--out", reports.toString()), err.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, terminal.run("list", "--out", reports.toString()), err.toString());
        String list = out.toString();
        assertTrue(list.lines().anyMatch(l -> l.contains("drop-scope") && l.contains("25/25") && l.contains("passed")),
                list);
        assertTrue(list.lines().anyMatch(l -> l.contains(" box ") && l.contains("not graded yet") && l.contains("<- next")),
                list);
        assertTrue(list.contains("Next: box: ./fearless grade --exercise box"), list);
    }

    /** A run of chosen checks is no grade of the exercise: it leaves the progress alone. */
    @Test
    void a_run_of_one_check_records_no_progress() {
        Path reports = dir.resolve("reports");
        assertEquals(0, terminal.run("grade", SOLUTIONS, "--check", "drop-scope/reverse_drop_order", "--out", reports.toString()),
                err.toString());
        assertTrue(Files.isRegularFile(reports.resolve("report.txt")));
        assertTrue(Files.notExists(reports.resolve(ProgressLog.FILE)));
    }

    @Test
    void list_matches_golden() throws IOException {
        Map<String, ProgressLog.Entry> progress = new LinkedHashMap<>();
        progress.put("box", new ProgressLog.Entry("exercises", 44, 44, "passed", 42, "2026-01-01T00:00:00Z"));
        progress.put("drop-scope", new ProgressLog.Entry("exercises", 12, 25, "failing", 42, "2026-01-01T00:00:00Z"));
        assertGolden("list.txt", ListCommand.render(Course.load(), progress, Path.of("fearless-report/progress.json")));
    }

    @Test
    void each_hint_call_shows_the_next_one_and_stops_at_the_last() {
        String reports = dir.resolve("reports").toString();
        List<String> hints = Course.load().exercise("mutex").orElseThrow().hints();
        for (int i = 1; i < hints.size() + 2; i++) {
            out.getBuffer().setLength(0);
            assertEquals(0, terminal.run("hint", "mutex", "--out", reports), err.toString());
            int shown = Math.min(i, hints.size() - 1);
            assertTrue(out.toString().startsWith("hint " + (shown + 1) + " of " + hints.size() + " for mutex: "
                    + hints.get(shown)), out.toString());
            assertEquals(shown == hints.size() - 1, out.toString().contains("That is the last hint."), out.toString());
        }
        out.getBuffer().setLength(0);
        assertEquals(0, terminal.run("hint", "mutex", "--all", "--out", reports));
        assertEquals(hints.size(), out.toString().lines().count(), out.toString());
    }

    @Test
    void a_hint_for_no_exercise_names_the_real_ones() {
        assertEquals(Main.USAGE, terminal.run("hint", "nope", "--out", dir.toString()));
        assertTrue(err.toString().contains("no exercise 'nope'; the exercises are: box, drop-scope, borrows, ref-cell, rc, tree, mutex, spawn, thread-move, scoped-threads, parker, parallel, channel, sync-channel, pipeline, arc, condvar, bounded-buffer, rw-lock"), err.toString());
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, "differs from " + file);
    }
}
