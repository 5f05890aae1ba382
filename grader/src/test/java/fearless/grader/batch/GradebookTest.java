package fearless.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gradebook keeps every run, shows each student's latest, and merges without losing a row. */
class GradebookTest {

    @TempDir
    Path dir;

    private static final Gradebook.Run RUN = new Gradebook.Run("v1", 42, 1, "1/1", "");

    @Test
    void a_regrade_adds_rows_and_the_latest_run_is_current() throws Exception {
        try (Gradebook book = Gradebook.open(dir.resolve("g.db"))) {
            long first = book.startRun(RUN);
            book.record(first, Sample.graded("alice", "alice", "h1", Sample.report("alice", 0, 0), "2024-01-01T00:00:00.000Z"));
            book.record(first, Sample.notGraded("bob", "bob.zip", Row.Status.NOT_GRADED, "not a zip",
                    "2024-01-01T00:00:01.000Z"));
            long second = book.startRun(RUN);
            book.record(second, Sample.graded("alice", "alice", "h2", Sample.report("alice", 3, 5),
                    "2024-01-02T00:00:00.000Z"));
            List<Row> current = book.current();
            assertEquals(List.of("alice", "bob"), current.stream().map(Row::student).toList());
            assertEquals(8, current.get(0).score());
            assertEquals(8, current.get(0).report().orElseThrow().score(), "the report reads back");
            assertEquals("h2", book.latestBySource().get(Gradebook.key("alice", "alice")).contentHash());
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("g.db"));
             ResultSet counts = db.createStatement().executeQuery("SELECT (SELECT count(*) FROM submissions),"
                     + " (SELECT count(*) FROM checks), (SELECT count(*) FROM exercises),"
                     + " (SELECT first_line FROM checks WHERE check_id = 'box/move_transfers' ORDER BY rowid LIMIT 1)")) {
            assertEquals(3, counts.getInt(1), "history is kept");
            assertEquals(4, counts.getInt(2));
            assertEquals(4, counts.getInt(3));
            assertEquals("moved twice", counts.getString(4));
        }
    }

    @Test
    void a_merge_keeps_every_row_and_the_later_grading_of_a_student_counts() throws Exception {
        try (Gradebook a = Gradebook.open(dir.resolve("a.db")); Gradebook b = Gradebook.open(dir.resolve("b.db"))) {
            long run = a.startRun(RUN);
            a.record(run, Sample.graded("alice", "alice", "h1", Sample.report("alice", 3, 0), "2024-01-01T00:00:00.000Z"));
            a.record(run, Sample.graded("carol", "carol", "h3", Sample.report("carol", 0, 5), "2024-01-01T00:00:02.000Z"));
            run = b.startRun(RUN);
            b.record(run, Sample.graded("alice", "alice", "h9", Sample.report("alice", 3, 5), "2024-01-03T00:00:00.000Z"));
            b.record(run, Sample.notGraded("bob", "bob", Row.Status.NOT_GRADED, "no .java files", "2024-01-03T00:00:01.000Z"));
        }
        try (Gradebook merged = Gradebook.open(dir.resolve("m.db"))) {
            merged.importFrom(dir.resolve("a.db"));
            merged.importFrom(dir.resolve("b.db"));
            List<Row> current = merged.current();
            assertEquals(List.of("alice", "bob", "carol"), current.stream().map(Row::student).toList());
            assertEquals("h9", current.get(0).contentHash());
            assertEquals(5, current.get(2).score());
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("m.db"));
             ResultSet counts = db.createStatement().executeQuery("SELECT (SELECT count(*) FROM submissions),"
                     + " (SELECT count(*) FROM runs), (SELECT count(*) FROM checks)")) {
            assertEquals(4, counts.getInt(1));
            assertEquals(2, counts.getInt(2));
            assertEquals(6, counts.getInt(3));
        }
    }

    @Test
    void a_row_holds_only_for_the_same_input() {
        Row row = Sample.graded("alice", "alice", "h1", Sample.report("alice", 3, 5), "2024-01-01T00:00:00.000Z");
        assertTrue(row.stillHolds("h1", Row.Status.GRADED, "", 42, "", "v1"));
        assertFalse(row.stillHolds("h2", Row.Status.GRADED, "", 42, "", "v1"), "changed content");
        assertFalse(row.stillHolds("h1", Row.Status.GRADED, "", 7, "", "v1"), "another seed");
        assertFalse(row.stillHolds("h1", Row.Status.GRADED, "", 42, "box", "v1"), "other exercises");
        assertFalse(row.stillHolds("h1", Row.Status.GRADED, "", 42, "", "v2"), "another grader");
        assertFalse(row.stillHolds("h1", Row.Status.DUPLICATE, "twice", 42, "", "v1"), "now a duplicate");
        Row failed = Sample.notGraded("bob", "bob", Row.Status.ERROR, "crashed", "2024-01-01T00:00:00.000Z");
        assertFalse(failed.stillHolds("h-bob", Row.Status.GRADED, "", 42, "", "v1"), "a grader failure is retried");
    }
}
