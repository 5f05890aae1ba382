package fearless.grader.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fearless.grader.engine.UsageException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A narrowed fixture run keeps what its texts name, and refuses a text that names nothing. */
class FixtureFilterTest {

    private static final List<String> MUTANTS = List.of("box/clone-shares-state", "mutex/check_then_act",
            "mutex/check_then_act_spin");

    @Test
    void no_texts_keep_every_fixture() {
        assertEquals(MUTANTS, FixtureFilter.of("mutant", null).apply(MUTANTS, Function.identity()));
        assertEquals(MUTANTS, FixtureFilter.of("mutant", " , ").apply(MUTANTS, Function.identity()));
    }

    @Test
    void each_text_keeps_the_fixtures_whose_name_contains_it() {
        assertEquals(List.of("box/clone-shares-state", "mutex/check_then_act_spin"),
                FixtureFilter.of("mutant", "spin,box/").apply(MUTANTS, Function.identity()));
    }

    @Test
    void a_text_ending_in_a_slash_is_an_exercise_and_not_one_whose_id_ends_like_it() {
        List<String> channels = List.of("channel/recv-if-not-while", "sync-channel/send-waits-with-if");
        assertEquals(List.of("channel/recv-if-not-while"),
                FixtureFilter.of("mutant", "channel/").apply(channels, Function.identity()));
        assertEquals(channels, FixtureFilter.of("mutant", "channel").apply(channels, Function.identity()));
    }

    @Test
    void a_text_that_matches_nothing_is_refused_with_the_names_there_are() {
        UsageException refused = assertThrows(UsageException.class,
                () -> FixtureFilter.of("mutant", "check_then_act,chek_then_act").apply(MUTANTS, Function.identity()));
        assertEquals("no mutant matches 'chek_then_act'; the mutants are: box/clone-shares-state, mutex/check_then_act, "
                + "mutex/check_then_act_spin", refused.getMessage());
    }
}
