package fearless.grader.report;

import java.util.List;

/**
 * The verdict on one check. Field names are part of the JSON report's contract: add, never rename.
 *
 * @param id {@code <exercise>/<check>}, e.g. {@code mutex/lots_and_lots}
 * @param category {@code property}, {@code structure}, {@code race} or {@code behaviour}
 * @param rules the behaviour-contract rule ids the check verifies
 * @param message the feedback a student reads: empty when passed
 * @param dependsOnScheduling whether the verdict rests on real thread scheduling (a stress run), so
 *                            the seed alone does not reproduce it
 */
public record CheckResult(String id, String category, List<String> rules, int score, int maxScore,
                          Status status, String message, long durationMs, boolean hidden,
                          boolean dependsOnScheduling) {

    public CheckResult {
        rules = List.copyOf(rules);
        message = message == null ? "" : message;
    }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
