package fearless.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import fearless.grader.report.ThreadColumns.Part;
import fearless.grader.report.ThreadColumns.Text;
import fearless.grader.report.ThreadColumns.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interleavings written as thread columns become tables; every other line stays text. */
class ThreadColumnsTest {

    @Test
    void plain_columns_become_one_column_per_thread() {
        List<Part> parts = ThreadColumns.parse("two threads held the lock at once\nthread 1 | thread 2\nlock()   |\n"
                + "         | lock()\nread 4   |\nafter the table");
        assertEquals(List.of(new Text("two threads held the lock at once"),
                new Trace(List.of("thread 1", "thread 2"), List.of(List.of(List.of("lock()", ""), List.of("", "lock()"),
                        List.of("read 4", "")))),
                new Text("after the table")), parts);
    }

    /** Lincheck's real text (a racy counter, with init and post parts): two tables, sections at its borders. */
    @Test
    void lincheck_tables_keep_their_sections_and_indentation() throws IOException {
        List<Part> parts = ThreadColumns.parse(Files.readString(Path.of("src/test/resources/threadcolumns/lincheck.txt")));
        assertEquals(5, parts.size(), parts.toString());
        assertEquals(new Text("= Invalid execution results ="), parts.get(0));
        Trace results = assertInstanceOf(Trace.class, parts.get(1));
        assertEquals(List.of("Thread 1", "Thread 2"), results.threads());
        assertEquals(List.of(List.of(List.of("increment(): 1", "")),
                List.of(List.of("increment(): 2", "increment(): 3 [1,0]"), List.of("increment(): 3", "")),
                List.of(List.of("increment(): 4", ""))), results.sections());
        Text between = assertInstanceOf(Text.class, parts.get(2));
        assertEquals("---", between.text().lines().findFirst().orElseThrow());
        assertEquals("The following interleaving leads to the error:", between.text().lines().reduce((a, b) -> b).orElseThrow());
        Trace interleaving = assertInstanceOf(Trace.class, parts.get(3));
        assertEquals(3, interleaving.sections().size());
        List<List<String>> parallel = interleaving.sections().get(1);
        assertEquals(List.of("  counter.increment(): 3", ""), parallel.get(2));
        assertEquals(List.of("    switch", ""), parallel.get(4));
        assertEquals(List.of("", "increment(): 3"), parallel.get(5));
        assertEquals(new Text("(model checking; seed 42)"), parts.get(4));
    }

    @Test
    void a_table_cut_short_ends_where_its_rows_end() {
        List<Part> parts = ThreadColumns.parse("| --------------- |\n| Thread 1 | Thread 2 |\n| --------------- |\n"
                + "| a()      |          |\n... (12 more lines cut)");
        assertEquals(List.of(new Trace(List.of("Thread 1", "Thread 2"), List.of(List.of(List.of("a()", "")))),
                new Text("... (12 more lines cut)")), parts);
    }

    @Test
    void lines_with_bars_that_name_no_threads_stay_text() {
        String text = "expected a | b\nx | y\n| --- |\n| a | b |\n| --- |\n| 1 | 2 |";
        assertEquals(List.of(new Text(text)), ThreadColumns.parse(text));
    }

    @Test
    void a_header_without_rows_stays_text() {
        assertEquals(List.of(new Text("thread 1 | thread 2\nno steps")), ThreadColumns.parse("thread 1 | thread 2\nno steps"));
    }

    @Test
    void feedback_without_columns_is_one_text() {
        assertEquals(List.of(new Text("did not finish in time\n  at Object.wait")),
                ThreadColumns.parse("\ndid not finish in time\n  at Object.wait\n\n"));
    }
}
