package fearless.grader.course;

/**
 * What the course manifest changes about one check, so an instructor can reweigh or hide a check
 * without touching Java: {@code checks: {"mutex/lots_and_lots": {points: 3, hidden: true}}} under
 * an exercise. A field left out keeps the value the check declares.
 */
public record CheckOverride(Integer points, Boolean hidden) {

    public CheckOverride {
        if (points != null && points < 1) {
            throw new IllegalArgumentException("a check is worth at least 1 point, not " + points);
        }
    }
}
