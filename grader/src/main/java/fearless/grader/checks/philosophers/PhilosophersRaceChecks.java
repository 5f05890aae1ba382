package fearless.grader.checks.philosophers;

import static fearless.grader.checks.philosophers.Table.check;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dinners under pressure: neighbours racing for the same forks, every philosopher reaching for
 * its first fork at the same moment, and a slow eater beside philosophers who share no fork with it.
 */
@Exercise("dining-philosophers")
class PhilosophersRaceChecks {

    private static final int ROUNDS = 5;

    /**
     * Five philosophers, twenty meals each, each meal yielding a few times while it eats: no two
     * neighbours ever eat at the same time, and every meal is eaten (P1, P3).
     */
    @Graded(points = 2, category = Category.RACE, rules = {"P1", "P3"})
    void neighbours_never_eat_at_once() {
        for (int round = 0; round < ROUNDS; round++) {
            Table table = new Table(5);
            table.whileEating(i -> {
                for (int y = 0; y < 3; y++) {
                    Thread.yield();
                }
            });
            table.dineOrFail(20);
            String wrong = table.firstWrong();
            check(wrong == null, () -> "neighbours never eat at the same time: a philosopher eats only while holding "
                    + "both its forks (P1), but in " + table.call(20) + ", " + wrong);
            check(allAte(table, 5, 20), () -> "every philosopher eats every meal (P3), but after " + table.call(20)
                    + " the philosophers had eaten " + table.mealCounts() + " times");
        }
    }

    /**
     * The five philosophers start together, and each one that takes its first fork is held until
     * all five hold one, if that can happen: the circle of waits that deadlocks a table where everyone reaches for the same side
     * first then closes every run. No interleaving may deadlock (P2).
     */
    @Graded(points = 3, category = Category.RACE, rules = {"P2"})
    void no_deadlock_when_all_reach_at_once() {
        for (int round = 0; round < 3; round++) {
            Table table = new Table(5);
            table.forks.meetOnFirstLocks(5, 5, Duration.ofMillis(100));
            table.startTogether();
            table.dineOrFail(3);
            check(allAte(table, 5, 3), () -> "every philosopher eats every meal (P3), but after " + table.call(3)
                    + " the philosophers had eaten " + table.mealCounts() + " times");
        }
    }

    /**
     * Five philosophers, ten meals each, every meal taking a millisecond: at some moment two
     * philosophers who share no fork eat at the same time (P3). A lock for the whole table, or
     * philosophers eating one after the other, never lets two eat at once. With two of five
     * able to eat together and fifty meals to eat, a correct table shows it in every run.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"P3"})
    void philosophers_who_share_no_fork_eat_at_once() {
        Table table = new Table(5);
        AtomicInteger eatingNow = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        table.whileEating(i -> {
            most.accumulateAndGet(eatingNow.incrementAndGet(), Math::max);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                eatingNow.decrementAndGet();
            }
        });
        table.dineOrFail(10);
        check(allAte(table, 5, 10), () -> "every philosopher eats every meal (P3), but after " + table.call(10)
                + " the philosophers had eaten " + table.mealCounts() + " times");
        check(most.get() >= 2, () -> "philosophers who share no fork eat at the same time (P3), but in " + table.call(10)
                + ", with every meal taking a millisecond, no two philosophers ever ate at once. A lock for the whole "
                + "table, or philosophers eating one after the other, make every philosopher wait for every other.");
    }

    static boolean allAte(Table table, int philosophers, int meals) {
        for (int i = 0; i < philosophers; i++) {
            if (table.mealsOf(i) != meals) {
                return false;
            }
        }
        return true;
    }
}
