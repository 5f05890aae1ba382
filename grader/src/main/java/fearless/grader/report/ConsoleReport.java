package fearless.grader.report;

import java.util.Locale;

/**
 * The table a student reads in a terminal: one line per check, and under each failure the first
 * lines of its feedback, so the first thing to fix is on screen without scrolling through a log.
 */
public final class ConsoleReport implements ReportFormat {

    /** Feedback lines shown under a failing check; the rest is in {@code report.json}. */
    private static final int FEEDBACK_LINES = 8;

    @Override
    public String id() {
        return "console";
    }

    @Override
    public String fileName() {
        return "report.txt";
    }

    @Override
    public String render(GradeReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Fearless: grading ").append(Printable.of(report.submission()))
                .append("  (seed ").append(report.seed()).append(", checks ran on ").append(Printable.of(report.java()))
                .append(", sandbox ").append(report.sandbox()).append(")\n");
        if (!report.refused().isEmpty()) {
            appendList(out, "files not read (only regular .java files and provider registrations are):",
                    report.refused());
        }
        int idWidth = width(report, c -> c.id());
        int rulesWidth = width(report, c -> String.join(" ", c.rules()));
        String row = "  %-8s %-10s %-" + idWidth + "s  %-" + rulesWidth + "s %5s%n";
        int lineWidth = 2 + 8 + 1 + 10 + 1 + idWidth + 2 + rulesWidth + 1 + 5;
        for (ExerciseResult exercise : report.exercises()) {
            out.append('\n').append(String.format(Locale.ROOT, "%-" + (lineWidth - 8) + "s %7s%n",
                    exercise.topic() + " / " + exercise.id() + ": " + exercise.title(),
                    exercise.score() + "/" + exercise.maxScore()));
            if (!exercise.compiled()) {
                appendList(out, "does not compile:", exercise.compileErrors());
            } else if (!exercise.violations().isEmpty()) {
                appendList(out, "not run: it uses what a submission may not touch:", exercise.violations());
            }
            for (CheckResult check : exercise.checks()) {
                out.append(String.format(Locale.ROOT, row,
                        check.passed() ? "ok" : check.status().id().toUpperCase(Locale.ROOT),
                        check.category(), check.id(), String.join(" ", check.rules()),
                        check.score() + "/" + check.maxScore()));
                if (!check.passed() && exercise.ran()) {
                    appendFeedback(out, check.message());
                }
            }
            if (exercise.score() < exercise.maxScore()) {
                out.append("  read: ").append(exercise.lesson()).append('\n');
            }
        }
        int percent = report.maxScore() == 0 ? 0 : Math.round(100f * report.score() / report.maxScore());
        out.append('\n').append(String.format(Locale.ROOT, "Total %d/%d (%d%%) in %.1f s.",
                report.score(), report.maxScore(), percent, report.durationMs() / 1000.0));
        if (report.score() < report.maxScore()) {
            out.append(" Reproduce with --seed ").append(report.seed()).append('.');
        }
        return out.append('\n').toString();
    }

    private static int width(GradeReport report, java.util.function.Function<CheckResult, String> column) {
        return report.exercises().stream().flatMap(e -> e.checks().stream())
                .mapToInt(c -> column.apply(c).length()).max().orElse(10);
    }

    private static void appendList(StringBuilder out, String heading, java.util.List<String> lines) {
        out.append("  ").append(heading).append('\n');
        lines.stream().limit(FEEDBACK_LINES)
                .forEach(line -> out.append("      ").append(Printable.of(line).replace("\n", "\n      ")).append('\n'));
        if (lines.size() > FEEDBACK_LINES) {
            out.append("      (").append(lines.size() - FEEDBACK_LINES).append(" more in report.json)\n");
        }
    }

    private static void appendFeedback(StringBuilder out, String message) {
        String[] lines = Printable.of(message).strip().split("\n");
        for (int i = 0; i < Math.min(lines.length, FEEDBACK_LINES); i++) {
            out.append("      ").append(lines[i]).append('\n');
        }
        if (lines.length > FEEDBACK_LINES) {
            out.append("      (").append(lines.length - FEEDBACK_LINES).append(" more lines in report.json)\n");
        }
    }
}
