package fearless.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the HTML report shows, worked out from the result model so the template only lays it
 * out: percentages, which feedback is open, each check's rerun line, the rules as links, the
 * interleavings as tables. Text quoted from the submission has its control characters shown
 * escaped, as in the console; the template escapes it for HTML.
 *
 * <p>Lesson links are relative to the report's folder, taken to be a folder of the project's root
 * ({@code fearless-report/}, the default {@code --out}): {@code ../course-notes/06-mutex.md#rule-x2}.
 * The page also prints each lesson's path from the root, so it reads right wherever it is moved.
 */
public record ReportPage(GradeReport report, String submission, String java, int percent, String seconds,
                         List<String> refused, List<Section> exercises) {

    /** Where the project's root is, seen from the report's folder. */
    static final String ROOT = "../";

    /**
     * One exercise.
     *
     * @param state a few words on where it stands ("full marks", "does not compile", ...)
     * @param firstFailure the anchor of its first failing check when it ran, or null
     * @param hint its first hint when it lacks points, or null
     * @param read the lesson sections of the rules its failing checks cite (its lesson if none)
     */
    public record Section(ExerciseResult exercise, String anchor, int percent, String state, String firstFailure,
                          String lessonHref, List<String> compileErrors, List<String> violations, String hint,
                          boolean moreHints, List<Rule> read, List<Check> checks) {
    }

    /**
     * One check.
     *
     * @param open whether its feedback shows unfolded: the first failure of an exercise that ran
     * @param rerun how to run it again, or null when it passed or its exercise did not run
     */
    public record Check(CheckResult result, String anchor, boolean open, List<Rule> rules,
                       List<ThreadColumns.Part> feedback, Rerun rerun) {

        public boolean foldable() {
            return !result.passed() && !feedback.isEmpty();
        }
    }

    /** A rule id with its few words and its lesson section, or no link when the report has none. */
    public record Rule(String id, String title, String lesson, String href) {
    }

    public static ReportPage of(GradeReport report) {
        List<Section> sections = report.exercises().stream().map(e -> section(report, e)).toList();
        return new ReportPage(report, Printable.of(report.submission()), Printable.of(report.java()),
                percent(report.score(), report.maxScore()),
                String.format(Locale.ROOT, "%.1f", report.durationMs() / 1000.0),
                report.refused().stream().map(Printable::of).toList(), sections);
    }

    private static Section section(GradeReport report, ExerciseResult exercise) {
        List<Check> checks = new ArrayList<>();
        String firstFailure = null;
        for (CheckResult result : exercise.checks()) {
            String anchor = "check-" + result.id().replace('/', '-');
            boolean first = !result.passed() && exercise.ran() && firstFailure == null;
            if (first) {
                firstFailure = anchor;
            }
            String message = Printable.of(result.message()).strip();
            checks.add(new Check(result, anchor, first,
                    result.rules().stream().map(id -> rule(report, id)).toList(),
                    message.isEmpty() ? List.of() : ThreadColumns.parse(message),
                    result.passed() || !exercise.ran() ? null : Rerun.of(report, result)));
        }
        boolean lacking = exercise.score() < exercise.maxScore();
        return new Section(exercise, "exercise-" + exercise.id(), percent(exercise.score(), exercise.maxScore()),
                state(exercise), firstFailure, ROOT + exercise.lesson(),
                exercise.compileErrors().stream().map(Printable::of).toList(),
                exercise.violations().stream().map(Printable::of).toList(),
                lacking && !exercise.hints().isEmpty() ? exercise.hints().get(0) : null,
                lacking && exercise.hints().size() > 1, lacking ? read(report, exercise) : List.of(), checks);
    }

    private static String state(ExerciseResult exercise) {
        if (!exercise.compiled()) {
            return "does not compile";
        }
        if (!exercise.violations().isEmpty()) {
            return "not run: uses what a submission may not touch";
        }
        long failing = exercise.checks().stream().filter(c -> !c.passed()).count();
        return failing == 0 ? "full marks" : failing + (failing == 1 ? " check failing" : " checks failing");
    }

    /** The lesson sections of the rules the exercise's failing checks cite; its lesson when none is linked. */
    private static List<Rule> read(GradeReport report, ExerciseResult exercise) {
        Set<String> broken = new LinkedHashSet<>();
        exercise.checks().stream().filter(c -> !c.passed()).forEach(c -> broken.addAll(c.rules()));
        List<Rule> linked = broken.stream().map(id -> rule(report, id)).filter(r -> r.href() != null).toList();
        return linked.isEmpty() ? List.of(new Rule("", exercise.title(), exercise.lesson(), ROOT + exercise.lesson()))
                : linked;
    }

    private static Rule rule(GradeReport report, String id) {
        GradeReport.RuleLink link = report.rules().get(id);
        return link == null ? new Rule(id, "", "", null)
                : new Rule(id, link.title(), link.lesson(), ROOT + link.lesson());
    }

    static int percent(int score, int max) {
        return max == 0 ? 0 : Math.round(100f * score / max);
    }
}
