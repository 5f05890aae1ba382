package fearless.grader.report;

import java.util.List;

/**
 * The one result model every report writer reads. Field names are part of the JSON report's
 * contract: add, never rename.
 *
 * @param submission what was graded, as given on the command line
 * @param seed the seed every randomized check used; {@code --seed} reproduces the run
 * @param java the JVM that ran the checks (vendor and version): race checks depend on it
 */
public record GradeReport(String submission, long seed, int score, int maxScore, long durationMs,
                          String java, List<ExerciseResult> exercises) {

    public GradeReport {
        exercises = List.copyOf(exercises);
    }
}
