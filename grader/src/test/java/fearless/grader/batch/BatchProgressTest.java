package fearless.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A terminal sees a bar with counts and an estimate; a log sees one line per submission. */
class BatchProgressTest {

    @Test
    void the_bar_counts_and_estimates() {
        assertEquals("[######..............] 12/40 graded, 1 failed to grade, ~1m20s left",
                BatchProgress.bar(12, 40, 1, 0, Duration.ofSeconds(80)));
        assertEquals("[####################] 3/3 graded (3 unchanged), 0 failed to grade",
                BatchProgress.bar(3, 3, 0, 3, Duration.ofSeconds(5)));
        assertEquals("[....................] 0/4 graded, 0 failed to grade", BatchProgress.bar(0, 4, 0, 0, null));
    }

    @Test
    void the_estimate_is_the_mean_time_over_the_jobs() {
        StringWriter out = new StringWriter();
        BatchProgress progress = new BatchProgress(new PrintWriter(out), true, 5, 2);
        progress.recorded(row(10_000), true);
        assertTrue(out.toString().endsWith("[####................] 1/5 graded, 0 failed to grade, ~20s left\u001b[K"),
                out.toString());
    }

    @Test
    void a_log_gets_a_line_per_submission() {
        StringWriter out = new StringWriter();
        BatchProgress progress = new BatchProgress(new PrintWriter(out), false, 2, 1);
        progress.recorded(row(1500), true);
        progress.unchanged("bob (bob.zip)");
        progress.end();
        assertEquals("[fearless] 1/2 alice (alice): 7/8 points, 1.5 s\n[fearless] 2/2 bob (bob.zip): unchanged, skipped\n",
                out.toString());
    }

    private static Row row(long millis) {
        return new Row("alice", "alice", "h", Row.Status.GRADED, "", 7, 8, 42, "", "v1", "t", millis, Optional.empty());
    }
}
