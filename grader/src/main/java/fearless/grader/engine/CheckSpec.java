package fearless.grader.engine;

import fearless.grader.check.Category;
import fearless.grader.course.CheckOverride;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;

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

    /** The check as the course manifest sets it: its points and visibility where the manifest names them. */
    public CheckSpec overriddenBy(CheckOverride override) {
        return new CheckSpec(uniqueId, id, exercise, category,
                override.points() == null ? points : override.points(), rules,
                override.hidden() == null ? hidden : override.hidden(), dependsOnScheduling);
    }

    /**
     * The top-level class that declares the check ({@code fearless.grader.checks.mutex.MutexRaceChecks}),
     * for a Jupiter check; empty for a check of another engine.
     */
    public Optional<String> declaringClass() {
        return UniqueId.parse(uniqueId).getSegments().stream()
                .filter(s -> s.getType().equals("class"))
                .map(s -> s.getValue().split("\\$", 2)[0])
                .findFirst();
    }
}
