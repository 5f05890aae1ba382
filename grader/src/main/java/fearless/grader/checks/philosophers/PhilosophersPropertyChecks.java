package fearless.grader.checks.philosophers;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.Seeds;
import java.util.Random;
import org.opentest4j.AssertionFailedError;

/**
 * Generated tables: 2 to 7 philosophers, 0 to 8 meals each. Every philosopher eats exactly its
 * meals, each time holding both its forks and never beside an eating neighbour, and every thread
 * is joined when {@code dine} returns. A failing table is shrunk to fewer meals, then fewer
 * philosophers, while it still fails.
 */
@Exercise("dining-philosophers")
class PhilosophersPropertyChecks {

    private static final String ID = "dining-philosophers/generated_tables_eat_every_meal";

    private static final int CASES = 25;

    /** For generated table sizes and meal counts, every promise of {@code dine} holds (P1, P3). */
    @Graded(points = 2, category = Category.PROPERTY, rules = {"P1", "P3"})
    void generated_tables_eat_every_meal() {
        Random random = new Random(Seeds.forCheck(ID));
        for (int c = 0; c < CASES; c++) {
            int philosophers = c == 0 ? 2 : 2 + random.nextInt(6);
            int meals = c == 0 ? 1 : random.nextInt(9);
            String failure = attempt(philosophers, meals);
            if (failure != null) {
                int n = philosophers;
                int m = meals;
                while (m > 1 && attempt(n, m - 1) != null) {
                    m--;
                }
                while (n > 2 && attempt(n - 1, m) != null) {
                    n--;
                }
                String smallest = attempt(n, m);
                throw new AssertionFailedError((smallest == null ? failure : smallest)
                        + (n < philosophers || m < meals ? " (the smallest failing table found, from a generated "
                                + philosophers + " philosophers with " + meals + " meals each)" : "")
                        + " (tables drawn from seed " + Seeds.seed() + ": rerun with --seed " + Seeds.seed() + ")");
            }
        }
    }

    /** One dinner; null if it kept every promise, else the first line of the feedback. */
    private static String attempt(int philosophers, int meals) {
        Table table = new Table(philosophers);
        Throwable thrown = table.dine(meals);
        if (thrown != null) {
            return table.call(meals) + " must return, but it threw " + Safely.describe(thrown);
        }
        if (table.firstWrong() != null) {
            return "a philosopher eats only while holding both its forks, never beside an eating neighbour (P1), but "
                    + "in " + table.call(meals) + ", " + table.firstWrong();
        }
        if (!PhilosophersRaceChecks.allAte(table, philosophers, meals)) {
            return "every philosopher eats every meal (P3), but after " + table.call(meals) + " the philosophers had "
                    + "eaten " + table.mealCounts() + " times";
        }
        if (table.notJoinedAtEnd() != 0) {
            return "dine returns once every philosopher's thread has been joined (P3), but when " + table.call(meals)
                    + " returned, " + table.notJoinedAtEnd() + " had not been";
        }
        return null;
    }
}
