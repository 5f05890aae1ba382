package fearless.grader.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code results.json} as Gradescope's autograder specification reads it: the score, the time in
 * seconds, an output for the whole submission and one test per check, each with its name, points,
 * status, feedback and how to reproduce it. What stops an exercise from running at all (a compile
 * error, a forbidden use) is said in the top-level output with the points it cost, since no single
 * check's box is the place for it. Only documented fields are written.
 *
 * <p>A hidden check is written with {@code "visibility": "after_due_date"}: hidden checks exist so
 * that students cannot shape their work to them by resubmitting, and their export leaves them out;
 * after the deadline a student sees what the kit's own reports show of one, its name, verdict and
 * points, with the feedback already withheld in the model.
 */
public final class GradescopeReport implements ReportFormat {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Plain text, shown as written: nothing quoted from a submission is read as Markdown or HTML. */
    private static final String TEXT = "text";

    @Override
    public String id() {
        return "gradescope";
    }

    @Override
    public String fileName() {
        return "results.json";
    }

    /** The top level of {@code results.json}. */
    record Results(int score, double executionTime, String output, String outputFormat, String testOutputFormat,
                   String testNameFormat, List<Test> tests) {
    }

    /** One test case: a check. */
    record Test(String name, int score, int maxScore, String status, String output, String visibility,
                List<String> tags) {
    }

    @Override
    public String render(GradeReport report) {
        List<Test> tests = new ArrayList<>();
        for (ExerciseResult exercise : report.exercises()) {
            for (CheckResult check : exercise.checks()) {
                tests.add(test(report, check));
            }
        }
        Results results = new Results(report.score(), report.durationMs() / 1000.0, output(report), TEXT, TEXT, TEXT,
                tests);
        try {
            return JSON.writeValueAsString(results) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write results.json", e);
        }
    }

    /** {@code mutex/lots_and_lots (race, X2)}: the check, its category and the rules it holds. */
    static String name(CheckResult check) {
        List<String> parts = new ArrayList<>();
        parts.add(check.category());
        parts.addAll(check.rules());
        return check.id() + " (" + String.join(", ", parts) + ")";
    }

    private static Test test(GradeReport report, CheckResult check) {
        List<String> tags = new ArrayList<>();
        tags.add(check.id().substring(0, Math.max(0, check.id().indexOf('/'))));
        tags.add(check.category());
        tags.addAll(check.rules());
        String output = null;
        if (!check.passed()) {
            output = Printable.of(check.message()).strip();
            if (Rerun.helps(check)) {
                output += "\n\n" + Rerun.ofOwnWork(check, report.seed()).line();
            }
        }
        return new Test(name(check), check.score(), check.maxScore(), check.passed() ? "passed" : "failed", output,
                check.hidden() ? "after_due_date" : "visible", tags);
    }

    /** The whole submission: the total, the seed, and what kept an exercise from running. */
    private static String output(GradeReport report) {
        List<String> sections = new ArrayList<>();
        sections.add(String.format(Locale.ROOT, "Fearless: %d/%d points, seed %d.", report.score(), report.maxScore(),
                report.seed()));
        for (ExerciseResult exercise : report.exercises()) {
            if (!exercise.compiled()) {
                sections.add(exercise.id() + " does not compile: " + lost(exercise) + " lost.\n"
                        + Printable.of(String.join("\n", exercise.compileErrors())));
            } else if (!exercise.violations().isEmpty()) {
                sections.add(exercise.id() + " uses what a submission may not touch, so it was not run: "
                        + lost(exercise) + " lost.\n  " + Printable.of(String.join("\n  ", exercise.violations())));
            }
        }
        if (!report.refused().isEmpty()) {
            sections.add("Files not read (only regular .java files and provider registrations are):\n  "
                    + Printable.of(String.join("\n  ", report.refused())));
        }
        return String.join("\n\n", sections);
    }

    private static String lost(ExerciseResult exercise) {
        int lost = exercise.maxScore() - exercise.score();
        return lost + (lost == 1 ? " point" : " points");
    }
}
