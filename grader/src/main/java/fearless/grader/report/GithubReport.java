package fearless.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code summary.md}: the Markdown job summary a GitHub Actions run shows on its page. The total
 * first, one table row per exercise, then each failing check with the first lines of its feedback
 * folded in {@code <details>}, how to reproduce it, and the lesson sections of the rules broken.
 * Everything quoted from a submission sits in a code block whose fence it cannot close; names in
 * the table are escaped for Markdown and HTML.
 */
public final class GithubReport implements ReportFormat {

    /** Feedback lines shown per failing check: the summary points at report.txt for the rest. */
    static final int FEEDBACK_LINES = 20;

    private static final Pattern BACKTICKS = Pattern.compile("`+");

    @Override
    public String id() {
        return "github";
    }

    @Override
    public String fileName() {
        return "summary.md";
    }

    @Override
    public String render(GradeReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "## Fearless: %d/%d points (%d%%)%n%n", report.score(), report.maxScore(),
                percent(report.score(), report.maxScore())));
        out.append("Graded ").append(inline(report.submission())).append(" with seed ").append(report.seed())
                .append(" on ").append(text(report.java())).append(", sandbox ").append(text(report.sandbox()))
                .append(String.format(Locale.ROOT, ", in %.1f s.%n%n", report.durationMs() / 1000.0));
        out.append("| exercise | points | checks passed | lesson |\n| --- | ---: | ---: | --- |\n");
        for (ExerciseResult exercise : report.exercises()) {
            long passed = exercise.checks().stream().filter(CheckResult::passed).count();
            String mark = exercise.score() == exercise.maxScore() ? "✅" : "❌";
            out.append("| ").append(mark).append(' ').append(text(exercise.id())).append(": ")
                    .append(text(exercise.title())).append(" | ").append(exercise.score()).append('/')
                    .append(exercise.maxScore()).append(" | ").append(passed).append('/').append(exercise.checks().size())
                    .append(" | ").append(text(exercise.lesson())).append(" |\n");
        }
        if (!report.refused().isEmpty()) {
            out.append("\n### Files not read\n\n").append(block(String.join("\n", report.refused())).strip())
                    .append('\n');
        }
        for (ExerciseResult exercise : report.exercises()) {
            if (exercise.score() < exercise.maxScore()) {
                appendExercise(out, report, exercise);
            }
        }
        out.append("\nThe whole report is in `fearless-report/report.txt`; reproduce a run with `--seed ")
                .append(report.seed()).append("`.\n");
        return out.toString();
    }

    private static void appendExercise(StringBuilder out, GradeReport report, ExerciseResult exercise) {
        out.append("\n### ").append(text(exercise.id())).append(": ").append(exercise.score()).append('/')
                .append(exercise.maxScore()).append("\n\n");
        if (!exercise.compiled()) {
            out.append("Does not compile, so no check ran:\n\n").append(block(String.join("\n", exercise.compileErrors())));
        } else if (!exercise.violations().isEmpty()) {
            out.append("Uses what a submission may not touch, so no check ran:\n\n")
                    .append(block(String.join("\n", exercise.violations())));
        } else {
            for (CheckResult check : exercise.checks()) {
                if (!check.passed()) {
                    appendCheck(out, report, check);
                }
            }
        }
        if (!exercise.hints().isEmpty()) {
            out.append("Hint: ").append(text(exercise.hints().get(0))).append("\n\n");
        }
        Set<String> broken = new LinkedHashSet<>();
        exercise.checks().stream().filter(c -> !c.passed()).forEach(c -> broken.addAll(c.rules()));
        List<String> read = new ArrayList<>();
        for (String rule : broken) {
            GradeReport.RuleLink link = report.rules().get(rule);
            if (link != null) {
                read.add(text(rule + " " + link.title()) + ": " + text(link.lesson()));
            }
        }
        if (read.isEmpty()) {
            read.add(text(exercise.lesson()));
        }
        read.forEach(line -> out.append("- Read ").append(line).append('\n'));
    }

    private static void appendCheck(StringBuilder out, GradeReport report, CheckResult check) {
        List<String> lines = Printable.of(check.message()).strip().lines().toList();
        String shown = String.join("\n", lines.subList(0, Math.min(FEEDBACK_LINES, lines.size())));
        if (lines.size() > FEEDBACK_LINES) {
            shown += "\n(" + (lines.size() - FEEDBACK_LINES) + " more lines in fearless-report/report.txt)";
        }
        out.append("<details><summary><code>").append(html(check.id())).append("</code> ")
                .append(html(check.status().id())).append(", ").append(check.score()).append('/')
                .append(check.maxScore()).append(" (").append(html(check.category()));
        check.rules().forEach(r -> out.append(", ").append(html(r)));
        out.append("): ").append(html(lines.isEmpty() ? "" : lines.get(0))).append("</summary>\n\n")
                .append(block(shown));
        if (Rerun.helps(check)) {
            out.append(block(Rerun.ofOwnWork(check, report.seed()).line()));
        }
        out.append("</details>\n\n");
    }

    /** A fenced code block its text cannot close: the fence is longer than any run of backticks in it. */
    static String block(String text) {
        int longest = 2;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(longest + 1);
        return fence + "text\n" + Printable.of(text) + "\n" + fence + "\n\n";
    }

    /** Inline code for a short name, its own backticks kept by a longer delimiter. */
    static String inline(String text) {
        String clean = Printable.of(text).replace('\n', ' ');
        int longest = 0;
        Matcher m = BACKTICKS.matcher(clean);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String tick = "`".repeat(longest + 1);
        return tick + " " + clean + " " + tick;
    }

    /** Text in a Markdown line or table cell: HTML markup, Markdown punctuation and pipes escaped. */
    static String text(String text) {
        String html = html(Printable.of(text).replace('\n', ' '));
        StringBuilder out = new StringBuilder(html.length());
        for (char c : html.toCharArray()) {
            if ("\\`*_{}[]()#+-.!|~>".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Text inside an HTML element of the summary. */
    static String html(String text) {
        return Printable.of(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("\n", " ");
    }

    private static int percent(int score, int max) {
        return max == 0 ? 0 : Math.round(100f * score / max);
    }
}
