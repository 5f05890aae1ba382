package fearless.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The table a student reads in a terminal: one line per check, the whole evidence of the first
 * failing check of each exercise (the failing sequence, the interleaving, the thread dump) and the
 * first lines of the others, so the first thing to fix is on screen without scrolling through a
 * log. Then how to rerun it, the exercise's first hint and the lesson section of each rule broken.
 * The same table with nothing cut is the saved {@code report.txt} the terminal points to.
 */
public final class ConsoleReport implements ReportFormat {

    /** Feedback lines shown under a failing check that is not the first of its exercise. */
    private static final int FEEDBACK_LINES = 8;

    private final boolean cut;
    private final String savedTo;

    /** The whole text, nothing cut: what {@code report.txt} holds. */
    public ConsoleReport() {
        this(false, null);
    }

    private ConsoleReport(boolean cut, String savedTo) {
        this.cut = cut;
        this.savedTo = savedTo;
    }

    /**
     * What a terminal shows: later failures of an exercise cut to their first lines unless
     * {@code verbose}, each cut pointing at {@code savedTo}, the file holding the whole text.
     */
    public static ConsoleReport forTerminal(boolean verbose, String savedTo) {
        return new ConsoleReport(!verbose, savedTo);
    }

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
        int idWidth = width(report, CheckResult::id);
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
            boolean first = true;
            for (CheckResult check : exercise.checks()) {
                out.append(String.format(Locale.ROOT, row,
                        check.passed() ? "ok" : check.status().id().toUpperCase(Locale.ROOT),
                        check.category(), check.id(), String.join(" ", check.rules()),
                        check.score() + "/" + check.maxScore()));
                if (!check.passed() && exercise.ran()) {
                    appendFeedback(out, check.message(), first);
                    if (first || !cut) {
                        out.append("      ").append(Rerun.of(report, check).line()).append('\n');
                    }
                    first = false;
                }
            }
            if (exercise.score() < exercise.maxScore()) {
                appendGuidance(out, report, exercise);
            }
        }
        return out.append('\n').append(total(report)).append('\n').toString();
    }

    /** The exercise's first hint, then the lesson section of each rule its failing checks cite. */
    private static void appendGuidance(StringBuilder out, GradeReport report, ExerciseResult exercise) {
        if (!exercise.hints().isEmpty()) {
            out.append("  hint: ").append(Printable.of(exercise.hints().get(0)));
            if (exercise.hints().size() > 1) {
                out.append("  (next: ./fearless hint ").append(exercise.id()).append(')');
            }
            out.append('\n');
        }
        Set<String> broken = new LinkedHashSet<>();
        exercise.checks().stream().filter(c -> !c.passed()).forEach(c -> broken.addAll(c.rules()));
        List<String> linked = new ArrayList<>();
        for (String rule : broken) {
            GradeReport.RuleLink link = report.rules().get(rule);
            if (link != null) {
                linked.add(rule + " " + link.title() + ": " + link.lesson());
            }
        }
        if (linked.isEmpty()) {
            out.append("  read: ").append(exercise.lesson()).append('\n');
        }
        for (String line : linked) {
            out.append("  read: ").append(line).append('\n');
        }
    }

    private static String total(GradeReport report) {
        int percent = report.maxScore() == 0 ? 0 : Math.round(100f * report.score() / report.maxScore());
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Total %d/%d (%d%%) in %.1f s.",
                report.score(), report.maxScore(), percent, report.durationMs() / 1000.0));
        List<CheckResult> failed = report.exercises().stream().flatMap(e -> e.checks().stream())
                .filter(c -> !c.passed()).toList();
        long scheduled = failed.stream().filter(CheckResult::dependsOnScheduling).count();
        if (failed.size() > scheduled) {
            line.append(" Reproduce with --seed ").append(report.seed()).append('.');
        }
        if (scheduled > 0) {
            line.append(' ').append(scheduled).append(scheduled == 1 ? " failure rests" : " failures rest")
                    .append(" on thread scheduling: a rerun may differ.");
        }
        return line.toString();
    }

    private static int width(GradeReport report, Function<CheckResult, String> column) {
        return report.exercises().stream().flatMap(e -> e.checks().stream())
                .mapToInt(c -> column.apply(c).length()).max().orElse(10);
    }

    private void appendList(StringBuilder out, String heading, List<String> lines) {
        out.append("  ").append(heading).append('\n');
        int shown = cut ? Math.min(lines.size(), FEEDBACK_LINES) : lines.size();
        lines.stream().limit(shown)
                .forEach(line -> out.append("      ").append(Printable.of(line).replace("\n", "\n      ")).append('\n'));
        if (lines.size() > shown) {
            out.append("      (").append(lines.size() - shown).append(" more in ").append(savedTo).append(")\n");
        }
    }

    private void appendFeedback(StringBuilder out, String message, boolean whole) {
        String[] lines = Printable.of(message).strip().split("\n");
        int shown = cut && !whole ? Math.min(lines.length, FEEDBACK_LINES) : lines.length;
        for (int i = 0; i < shown; i++) {
            out.append("      ").append(lines[i]).append('\n');
        }
        if (lines.length > shown) {
            out.append("      (").append(lines.length - shown).append(" more lines in ").append(savedTo)
                    .append("; --verbose shows all)\n");
        }
    }
}
