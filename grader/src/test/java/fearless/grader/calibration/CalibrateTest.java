package fearless.grader.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fearless.grader.engine.Grader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calibrate command's figures: a mutant's detection per check, and calibration.json's fields. */
class CalibrateTest {

    @Test
    void a_mutant_is_graded_per_run_and_its_checks_counted() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> lines = new ArrayList<>();
        Calibrate.Figures figures = new Calibrate(new Grader(Calibration.COURSE, java), Calibration.ROOT)
                .run(2, 5, (id, mutant) -> id.equals("drop-scope/own-twice-accepted")
                        || id.equals("drop-scope/close-not-idempotent"), false, 2, lines::add);
        assertEquals(List.of("drop-scope/close-not-idempotent", "drop-scope/own-twice-accepted"),
                figures.mutants().stream().map(Calibrate.MutantFigures::id).toList(), "in the set's order, however graded");
        Calibrate.MutantFigures mutant = figures.mutants().get(1);
        assertEquals("drop-scope", mutant.exercise());
        assertEquals(0, mutant.didNotRun());
        for (Calibrate.Caught caught : mutant.checks()) {
            assertEquals(2, caught.caught(), caught.check() + " missed the mutant");
        }
        assertTrue(lines.contains("drop-scope/own-twice-accepted  drop-scope/owning_twice_is_use_after_move 2/2"),
                lines.toString());
        assertEquals(2, lines.size(), lines.toString());

        JsonNode json = new ObjectMapper().valueToTree(figures);
        for (String field : List.of("runs", "firstSeed", "mutants", "solutions", "solutionRunsWithAFailure", "durationMs")) {
            assertTrue(json.has(field), "calibration.json lacks " + field);
        }
        JsonNode check = json.get("mutants").get(1).get("checks").get(0);
        assertTrue(check.has("check") && check.has("caught") && check.has("runs"), check.toString());
    }
}
