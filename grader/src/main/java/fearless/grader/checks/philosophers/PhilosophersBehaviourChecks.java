package fearless.grader.checks.philosophers;

import static fearless.grader.checks.philosophers.Table.check;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Dinners one can follow meal by meal: who ate how often, on which thread, holding which forks. */
@Exercise("dining-philosophers")
class PhilosophersBehaviourChecks {

    /**
     * Five philosophers, three meals each: each eats exactly three times, on a thread of its own
     * spawned through the kit, and every thread is joined when {@code dine} returns (P3).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"P3"})
    void every_philosopher_eats_every_meal() {
        Table table = new Table(5);
        Set<Thread> eaters = ConcurrentHashMap.newKeySet();
        table.whileEating(i -> eaters.add(Thread.currentThread()));
        table.dineOrFail(3);
        for (int i = 0; i < 5; i++) {
            int philosopher = i;
            check(table.mealsOf(i) == 3, () -> "every philosopher eats every meal (P3), but after " + table.call(3)
                    + " the philosophers had eaten " + table.mealCounts() + " times: philosopher " + philosopher
                    + " ate " + table.mealsOf(philosopher) + " times");
        }
        int spawned = table.threads.spawnCount();
        Set<Thread> spawnedThreads = new HashSet<>(table.threads.threads());
        check(spawned == 5 && spawnedThreads.containsAll(eaters) && eaters.size() == 5, () -> "each philosopher eats "
                + "on a thread of its own, spawned through the Threads given, but " + table.call(3) + " spawned "
                + spawned + " threads and the meals were eaten on " + eaters.size() + " threads"
                + (spawnedThreads.containsAll(eaters) ? "" : ", some of them not spawned through the Threads given"));
        int notJoined = table.notJoinedAtEnd();
        check(notJoined == 0, () -> "dine returns once every philosopher's thread has been joined (P3), but when "
                + table.call(3) + " returned, " + notJoined + " of them had not been");
    }

    /**
     * Four philosophers, five meals each: at every call of {@code eat(i)}, the philosopher's thread
     * holds fork {@code i} and fork {@code (i + 1) % 4}, the forks being the first 4 mutexes
     * made through the provider given, fork 0 first (P1).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"P1"})
    void eats_holding_both_forks() {
        Table table = new Table(4);
        table.dineOrFail(5);
        int made = table.forks.made().size();
        check(made >= 4, () -> "the forks are one mutex each, made by the MutexProvider given, 4 for 4 philosophers "
                + "(P1), but " + table.call(5) + " made " + made);
        String wrong = table.firstWrong();
        check(wrong == null, () -> "a philosopher eats only while holding both its forks (P1), but in " + table.call(5)
                + ", " + wrong);
    }

    /**
     * Fewer than 2 philosophers or a negative number of meals is refused with an
     * IllegalArgumentException before any thread starts; 0 meals returns without eating.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"P3"})
    void bad_arguments_are_refused() {
        Table zero = new Table(3);
        zero.dineOrFail(0);
        check(zero.mealsOf(0) + zero.mealsOf(1) + zero.mealsOf(2) == 0, () -> zero.call(0) + " must return without a "
                + "call to eat, but the philosophers ate " + zero.mealCounts() + " times");
        for (int[] bad : new int[][] {{1, 3}, {0, 3}, {3, -1}}) {
            Table table = new Table(bad[0]);
            Throwable thrown = table.dine(bad[1]);
            check(thrown instanceof IllegalArgumentException, () -> table.call(bad[1]) + " must throw an "
                    + "IllegalArgumentException: a table needs 2 or more philosophers and 0 or more meals, but it "
                    + (thrown == null ? "returned" : "threw " + Safely.describe(thrown)));
            int spawned = table.threads.spawnCount();
            check(spawned == 0, () -> table.call(bad[1]) + " must start no thread, but it spawned " + spawned);
        }
    }
}
