package fearless.grader.checks.philosophers;

import static fearless.grader.checks.philosophers.Table.check;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.race.Patience;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

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
        for (int round = 0; round < ROUNDS; round++) {
            Table table = new Table(5);
            table.forks.meetOnFirstLocks(5, 5, Duration.ofMillis(100));
            table.startTogether();
            table.dineOrFail(3);
            check(allAte(table, 5, 3), () -> "every philosopher eats every meal (P3), but after " + table.call(3)
                    + " the philosophers had eaten " + table.mealCounts() + " times");
        }
    }

    /**
     * Four philosophers: philosopher 0 does not finish its first meal until philosopher 2, who
     * shares no fork with it, has started eating. Philosophers who share no fork eat at the same
     * time (P3); a lock for the whole table, or philosophers eating one after the other, holds
     * philosopher 2 up for good.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"P3"})
    void philosophers_who_share_no_fork_eat_at_once() {
        Table table = new Table(4);
        CountDownLatch twoAte = new CountDownLatch(1);
        Duration bound = Patience.stretched(Duration.ofSeconds(1), 2, Duration.ofSeconds(3));
        boolean[] waitedInVain = new boolean[1];
        table.whileEating(i -> {
            if (i == 2) {
                twoAte.countDown();
            } else if (i == 0 && table.mealsOf(0) == 0) {
                try {
                    waitedInVain[0] = !twoAte.await(bound.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        table.dineOrFail(2);
        if (waitedInVain[0]) {
            throw new AssertionFailedError("philosophers who share no fork eat at the same time (P3), but in "
                    + table.call(2) + ", while philosopher 0 ate (holding forks 0 and 1), philosopher 2 (forks 2 and 3) "
                    + "could not start eating for " + bound.toMillis() + " ms. A lock for the whole table, or "
                    + "philosophers eating one after the other, make every philosopher wait for every other.");
        }
        check(allAte(table, 4, 2), () -> "every philosopher eats every meal (P3), but after " + table.call(2)
                + " the philosophers had eaten " + table.mealCounts() + " times");
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
