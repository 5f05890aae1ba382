package fearless.grader.report;

import java.util.List;

/**
 * The verdicts on one exercise's checks, with the manifest facts a report shows beside them.
 *
 * @param compileErrors the compiler's messages, if the exercise does not compile
 * @param violations what the exercise's classes use that a submission may not touch; such an
 *                   exercise is not run
 */
public record ExerciseResult(String id, String topic, String title, String lesson, int score, int maxScore,
                             List<String> compileErrors, List<String> violations, List<String> hints,
                             List<CheckResult> checks) {

    public ExerciseResult {
        compileErrors = List.copyOf(compileErrors);
        violations = List.copyOf(violations);
        hints = List.copyOf(hints);
        checks = List.copyOf(checks);
    }

    public boolean compiled() {
        return compileErrors.isEmpty();
    }

    /** Whether its checks ran: it compiled and uses nothing forbidden. */
    public boolean ran() {
        return compiled() && violations.isEmpty();
    }
}
