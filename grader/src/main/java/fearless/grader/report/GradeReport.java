package fearless.grader.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one result model every report writer reads. Field names are part of the JSON report's
 * contract: add, never rename.
 *
 * @param submission what was graded, as given on the command line
 * @param seed the seed every randomized check used; {@code --seed} reproduces the run
 * @param java the JVM that ran the checks (vendor and version): race checks depend on it
 * @param sandbox the operating-system sandbox the checks ran in: {@code bwrap} or {@code none}
 * @param refused one line for each file of the submission the grader would not read (a link, a
 *                special file, {@code module-info.java}, a registration naming a foreign class)
 * @param rules every rule a check in the report cites, with its title and the lesson section that
 *              explains it, so each report can link a rule id to the place to read
 */
public record GradeReport(String submission, long seed, int score, int maxScore, long durationMs,
                          String java, List<ExerciseResult> exercises, String sandbox, List<String> refused,
                          Map<String, RuleLink> rules) {

    public GradeReport {
        exercises = List.copyOf(exercises);
        refused = refused == null ? List.of() : List.copyOf(refused);
        rules = rules == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /** A rule's few words and its lesson section ({@code course-notes/06-mutex.md#rule-x2}). */
    public record RuleLink(String title, String lesson) {
    }
}
