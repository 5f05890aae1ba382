package fearless.grader.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.engine.CheckCatalog;
import fearless.grader.engine.CheckSpec;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The manifest reweighs and hides checks by id; an override that names no check stops the run. */
class CheckOverrideTest {

    private static Map<String, CheckSpec> discover(Course course) {
        return CheckCatalog.discover(course, CheckCatalog.CHECKS_PACKAGE, List.of("box", "drop-scope", "mutex"))
                .stream().collect(Collectors.toMap(CheckSpec::id, Function.identity()));
    }

    @Test
    void an_override_sets_points_and_visibility() {
        Map<String, CheckSpec> declared = discover(Course.load());
        Map<String, CheckSpec> overridden = discover(Manifests.overriding("mutex/lots_and_lots",
                "{points: 7, hidden: true}"));
        assertEquals(7, overridden.get("mutex/lots_and_lots").points());
        assertTrue(overridden.get("mutex/lots_and_lots").hidden());
        assertFalse(declared.get("mutex/lots_and_lots").hidden());
        declared.forEach((id, check) -> {
            if (!id.equals("mutex/lots_and_lots")) {
                assertEquals(check, overridden.get(id), id + " changed, though no override names it");
            }
        });
    }

    @Test
    void a_field_left_out_keeps_the_declared_value() {
        CheckSpec declared = discover(Course.load()).get("box/move_transfers_ownership");
        CheckSpec hidden = discover(Manifests.overriding("box/move_transfers_ownership", "{hidden: true}")).get("box/move_transfers_ownership");
        assertEquals(declared.points(), hidden.points());
        assertTrue(hidden.hidden());
    }

    @Test
    void an_override_of_an_unknown_check_stops_the_run_and_names_the_real_ones() {
        Course course = Manifests.overriding("mutex/lots_and_lot", "{points: 3}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> discover(course));
        assertTrue(e.getMessage().startsWith("the course manifest overrides check 'mutex/lots_and_lot', which does"
                + " not exist; the checks of mutex are: "), e.getMessage());
        assertTrue(e.getMessage().contains("mutex/lots_and_lots"), e.getMessage());
    }

    @Test
    void an_override_under_another_exercise_is_refused_at_load() {
        Exception e = assertThrows(Exception.class, () -> Manifests.realWith(root ->
                Manifests.override(root, "mutex", "box/move_transfers_ownership", "{points: 3}")));
        assertTrue(e.getMessage().contains("exercise 'mutex' overrides check 'box/move_transfers_ownership': a check is named"
                + " mutex/CHECK"), e.getMessage());
    }

    @Test
    void a_check_worth_nothing_is_refused_at_load() {
        Exception e = assertThrows(Exception.class, () -> Manifests.overriding("mutex/lots_and_lots", "{points: 0}"));
        assertTrue(e.getMessage().contains("a check is worth at least 1 point, not 0"), e.getMessage());
    }

    @Test
    void hidden_feedback_is_withheld_unless_the_course_says_full() {
        assertEquals(Course.HiddenFeedback.WITHHELD, Course.load().hiddenFeedback());
        assertEquals(Course.HiddenFeedback.FULL, Manifests.realWith(root -> root.put("hiddenFeedback", "full"))
                .hiddenFeedback());
        assertThrows(Exception.class, () -> Manifests.realWith(root -> root.put("hiddenFeedback", "some")));
    }
}
