package fearless.grader.calibration;

import fearless.grader.calibration.Selfcheck.Row;
import java.util.List;
import java.util.Locale;

/**
 * What the selfcheck prints: a line per fixture as it is graded, so a long run is never silent,
 * and one table at the end, so the verdict is read in one place.
 */
public final class SelfcheckTable {

    private SelfcheckTable() {
    }

    /** One fixture as it finishes: {@code mutant box/a-mutant: ok, 9.0 s (caught by its check)}. */
    public static String line(Row row) {
        return String.format(Locale.ROOT, "%s: %s, %.1f s (%s)", row.fixture(), verdict(row), row.durationMs() / 1000.0,
                row.detail());
    }

    /** Every fixture in a column, then the verdict on the kit and the time the whole run took. */
    public static String render(List<Row> rows, long durationMs) {
        int width = Math.max("fixture".length(), rows.stream().mapToInt(r -> r.fixture().length()).max().orElse(0));
        StringBuilder out = new StringBuilder();
        String format = "%-" + width + "s  %-7s %8s  %s\n";
        out.append(String.format(Locale.ROOT, format, "fixture", "verdict", "time", "detail"));
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, format, row.fixture(), verdict(row),
                    String.format(Locale.ROOT, "%.1f s", row.durationMs() / 1000.0), row.detail()));
        }
        List<String> failed = rows.stream().filter(r -> !r.sound()).map(Row::fixture).toList();
        String time = String.format(Locale.ROOT, "%.1f s", durationMs / 1000.0);
        out.append('\n').append(failed.isEmpty()
                ? "sound: all " + rows.size() + " fixtures hold; " + time
                : "NOT SOUND: " + failed.size() + " of " + rows.size() + " fixtures failed (" + String.join(", ", failed)
                        + "); " + time).append('\n');
        return out.toString().replaceAll(" +\n", "\n");
    }

    private static String verdict(Row row) {
        return row.sound() ? "ok" : "FAILED";
    }
}
