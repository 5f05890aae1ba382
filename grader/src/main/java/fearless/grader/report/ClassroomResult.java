package fearless.grader.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The result one runner hands to GitHub Classroom's grading reporter
 * ({@code classroom-resources/autograding-grading-reporter}): JSON with {@code version},
 * {@code status} ({@code pass} when every check passed, {@code fail} otherwise), {@code max_score}
 * and one test per check, base64-encoded as the reporter decodes it. The reporter adds the tests'
 * scores up against {@code max_score}, so a check's points are its test's score.
 */
public final class ClassroomResult {

    /** Longest message a test carries: the step output holding all of them must stay small. */
    static final int MESSAGE_CHARS = 2_000;

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private ClassroomResult() {
    }

    record Result(int version, String status, int maxScore, List<Test> tests) {
    }

    record Test(String name, String status, int score, String message, String testCode, String filename, int lineNo,
                long duration) {
    }

    /** The result as JSON. */
    public static String json(GradeReport report) {
        List<Test> tests = report.exercises().stream().flatMap(e -> e.checks().stream())
                .map(c -> new Test(GradescopeReport.name(c), c.passed() ? "pass" : "fail", c.score(), message(c), "",
                        "", 0, c.durationMs()))
                .toList();
        boolean all = tests.stream().allMatch(t -> t.status().equals("pass"));
        try {
            return JSON.writeValueAsString(new Result(1, all ? "pass" : "fail", report.maxScore(), tests));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Classroom result", e);
        }
    }

    /** The result as the reporter reads it from a step output: base64 of the JSON, on one line. */
    public static String encoded(GradeReport report) {
        return Base64.getEncoder().encodeToString(json(report).getBytes(StandardCharsets.UTF_8));
    }

    private static String message(CheckResult check) {
        String message = Printable.of(check.message()).strip();
        return message.length() <= MESSAGE_CHARS ? message : message.substring(0, MESSAGE_CHARS) + "...";
    }
}
