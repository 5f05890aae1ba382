package fearless.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gradebook.csv from hand-made rows matches its golden file: exercises in course order, the
 * roster's columns, a duplicate as one row, quoting, and no cell a spreadsheet runs as a formula.
 * To accept an intended change, run with {@code -Dgolden.update=true} and review the diff.
 */
class GradebookCsvTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/gradebook.csv");

    @TempDir
    Path dir;

    @Test
    void the_gradebook_csv_matches_golden() throws Exception {
        Path roster = Files.writeString(dir.resolve("roster.csv"),
                "student,submission,name,email\nalice,a1.zip,\"Smith, Alice\",alice@example.org\n"
                        + "bob,b2,\"Bob \"\"the\"\" Builder\",bob@example.org\n");
        List<Row> current = List.of(
                Sample.graded("alice", "a1.zip", "h1", Sample.report("a1.zip", 3, 0), "2024-01-01T00:00:00.000Z"),
                Sample.notGraded("bob", "b2", Row.Status.NOT_GRADED, "no .java files under b2", "2024-01-01T00:00:00.000Z"),
                Sample.notGraded("dave", "dave", Row.Status.DUPLICATE, "student 'dave' is handed in 2 times (dave,"
                        + " dave.zip): none is graded until one is left", "2024-01-01T00:00:00.000Z"),
                Sample.notGraded("dave", "dave.zip", Row.Status.DUPLICATE, "student 'dave' is handed in 2 times (dave,"
                        + " dave.zip): none is graded until one is left", "2024-01-01T00:00:00.000Z"),
                Sample.notGraded("=cmd", "=cmd", Row.Status.IGNORED, "-neither a folder nor a .zip",
                        "2024-01-01T00:00:00.000Z"));
        String csv = new GradebookCsv(Roster.read(roster), List.of("box", "drop-scope", "mutex", "arc")).render(current);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, csv);
        }
        assertEquals(Files.readString(GOLDEN), csv, "differs from " + GOLDEN);
    }
}
