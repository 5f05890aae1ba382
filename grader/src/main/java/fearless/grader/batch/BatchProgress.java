package fearless.grader.batch;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * What a batch shows while it runs. On a terminal, one line redrawn in place,
 * {@code [#####.....] 12/40 graded, 1 failed to grade, ~1m20s left}, the estimate being the mean
 * time of a grading so far times the submissions left, over the jobs; in a log (CI), one line per
 * submission as it is done, so a long batch is never silent and a log reads top to bottom.
 */
public final class BatchProgress {

    private static final int WIDTH = 20;

    private final PrintWriter out;
    private final boolean terminal;
    private final int total;
    private final int jobs;
    private int done;
    private int failed;
    private int unchanged;
    private int timed;
    private long gradingMillis;

    public BatchProgress(PrintWriter out, boolean terminal, int total, int jobs) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.jobs = Math.max(1, jobs);
        if (terminal && total > 0) {
            redraw();
        }
    }

    /** A student whose submission is as the gradebook last saw it. */
    public synchronized void unchanged(String student) {
        done++;
        unchanged++;
        show(student + ": unchanged, skipped");
    }

    /** A student's row as it was recorded. */
    public synchronized void recorded(Row row, boolean graded) {
        done++;
        if (graded) {
            timed++;
            gradingMillis += row.durationMs();
        }
        if (row.status() != Row.Status.GRADED) {
            failed++;
        }
        show(row.student() + " (" + row.source() + "): " + switch (row.status()) {
            case GRADED -> row.score() + "/" + row.maxScore() + " points, "
                    + String.format(Locale.ROOT, "%.1f s", row.durationMs() / 1000.0);
            default -> row.status().label() + ", " + row.reason();
        });
    }

    /** Ends the redrawn line, so what follows starts on a line of its own. */
    public synchronized void end() {
        if (terminal && total > 0) {
            out.println();
            out.flush();
        }
    }

    private void show(String line) {
        if (terminal) {
            redraw();
        } else {
            out.println("[fearless] " + done + "/" + total + " " + line);
            out.flush();
        }
    }

    private void redraw() {
        Duration left = timed == 0 ? null : Duration.ofMillis(gradingMillis / timed * (total - done) / jobs);
        out.print("\r" + bar(done, total, failed, unchanged, left) + "\u001b[K");
        out.flush();
    }

    /** The terminal's line; {@code left} is null while nothing has been graded to estimate from. */
    static String bar(int done, int total, int failed, int unchanged, Duration left) {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        StringBuilder line = new StringBuilder("[").append("#".repeat(filled)).append(".".repeat(WIDTH - filled))
                .append("] ").append(done).append('/').append(total).append(" graded");
        if (unchanged > 0) {
            line.append(" (").append(unchanged).append(" unchanged)");
        }
        line.append(", ").append(failed).append(" failed to grade");
        if (left != null && done < total) {
            long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
            line.append(", ~").append(seconds >= 60 ? seconds / 60 + "m" + seconds % 60 + "s" : seconds + "s")
                    .append(" left");
        }
        return line.toString();
    }
}
