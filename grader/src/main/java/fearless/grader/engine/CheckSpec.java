package fearless.grader.engine;

import fearless.grader.check.Category;
import java.util.List;

/**
 * A graded check as the parent knows it before anything runs: found by JUnit Platform discovery,
 * which loads no submission code.
 *
 * @param uniqueId the JUnit Platform unique id, how the child is told what to run
 * @param id {@code <exercise>/<check>}, the id reports show
 * @param dependsOnScheduling whether its verdict rests on real thread scheduling, not on the seed
 */
public record CheckSpec(String uniqueId, String id, String exercise, Category category, int points,
                        List<String> rules, boolean hidden, boolean dependsOnScheduling) {

    public CheckSpec {
        rules = List.copyOf(rules);
    }
}
