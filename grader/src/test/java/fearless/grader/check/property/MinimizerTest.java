package fearless.grader.check.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class MinimizerTest {

    /** Fails when the list holds 1, 2, 3, 4, 5, 6 in this order, anything in between. */
    private static final Predicate<List<Integer>> HOLDS_ONE_TO_SIX = list -> {
        int next = 1;
        for (int x : list) {
            if (x == next) {
                next++;
            }
        }
        return next > 6;
    };

    /** 25 operations, 6 of which matter. */
    private static final List<Integer> TWENTY_FIVE = List.of(
            9, 1, 7, 7, 2, 8, 9, 9, 3, 7, 8, 9, 4, 4, 7, 8, 2, 5, 9, 7, 1, 8, 6, 9, 7);

    @Test
    void reduces_twenty_five_operations_to_the_six_that_matter() {
        assertEquals(25, TWENTY_FIVE.size());
        assertTrue(HOLDS_ONE_TO_SIX.test(TWENTY_FIVE));

        List<Integer> minimal = Minimizer.minimize(TWENTY_FIVE, HOLDS_ONE_TO_SIX);

        assertEquals(List.of(1, 2, 3, 4, 5, 6), minimal);
    }

    @Test
    void is_deterministic() {
        Predicate<List<Integer>> sumAtLeast30 = list -> list.stream().mapToInt(Integer::intValue).sum() >= 30;
        List<Integer> first = Minimizer.minimize(TWENTY_FIVE, sumAtLeast30);
        for (int i = 0; i < 5; i++) {
            assertEquals(first, Minimizer.minimize(TWENTY_FIVE, sumAtLeast30));
        }
        assertTrue(sumAtLeast30.test(first), "the result must still fail");
    }

    @Test
    void simplifies_values_when_the_operations_offer_simpler_variants() {
        List<Integer> failing = List.of(3, 50, 70, 9);
        Predicate<List<Integer>> anyAtLeast37 = list -> list.stream().anyMatch(x -> x >= 37);

        List<Integer> minimal = Minimizer.minimize(failing, anyAtLeast37,
                x -> x == 0 ? List.of() : List.of(0, x / 2, x - 1), Minimizer.DEFAULT_BUDGET);

        assertEquals(List.of(37), minimal);
    }

    @Test
    void keeps_what_the_failure_needs() {
        Predicate<List<Integer>> eightAfterThreeOthers = list -> list.indexOf(8) >= 3;
        List<Integer> minimal = Minimizer.minimize(TWENTY_FIVE, eightAfterThreeOthers);
        assertEquals(4, minimal.size(), "three operations before an 8, and the 8: " + minimal);
        assertTrue(eightAfterThreeOthers.test(minimal));
    }

    @Test
    void keeps_to_its_budget() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> minimal = Minimizer.minimize(TWENTY_FIVE, list -> {
            calls.incrementAndGet();
            return HOLDS_ONE_TO_SIX.test(list);
        }, x -> List.of(), 10);
        assertEquals(10, calls.get());
        assertTrue(HOLDS_ONE_TO_SIX.test(minimal), "what it returns after the budget must still fail");
    }

    @Test
    void a_minimal_sequence_stays_as_it_is() {
        List<Integer> six = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6));
        assertEquals(six, Minimizer.minimize(six, HOLDS_ONE_TO_SIX));
    }
}
