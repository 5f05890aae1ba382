package fearless.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code results.json} keeps to Gradescope's specification and says what a student needs. */
class GradescopeReportTest {

    private static final Set<String> TOP = Set.of("score", "execution_time", "output", "output_format",
            "test_output_format", "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests",
            "leaderboard");
    private static final Set<String> TEST = Set.of("score", "max_score", "status", "name", "name_format", "number",
            "output", "output_format", "tags", "visibility", "extra_data");

    private final JsonNode root;

    GradescopeReportTest() throws IOException {
        root = new ObjectMapper().readTree(new GradescopeReport().render(Golden.sample()));
    }

    @Test
    void matches_golden() throws IOException {
        Golden.assertMatches("results.json", new GradescopeReport().render(Golden.sample()));
    }

    @Test
    void writes_only_documented_fields() {
        names(root).forEachRemaining(f -> assertTrue(TOP.contains(f), f));
        for (JsonNode test : root.get("tests")) {
            names(test).forEachRemaining(f -> assertTrue(TEST.contains(f), f));
            assertTrue(List.of("passed", "failed").contains(test.get("status").asText()));
        }
    }

    @Test
    void scores_add_up_and_time_is_in_seconds() {
        int sum = 0;
        for (JsonNode test : root.get("tests")) {
            sum += test.get("score").asInt();
        }
        assertEquals(2, root.get("score").asInt());
        assertEquals(sum, root.get("score").asInt());
        assertEquals(4.321, root.get("execution_time").asDouble());
    }

    @Test
    void a_test_is_named_readably_and_tells_how_to_reproduce() {
        JsonNode race = find("mutex/lots_and_lots (race, X2)");
        assertTrue(race.get("output").asText().startsWith("8 threads x 1000 increments"), race.toString());
        assertTrue(race.get("output").asText().contains("rerun: ./fearless grade --check mutex/lots_and_lots"));
        JsonNode timeout = find("mutex/no_lost_wakeup (race, X1, C4)");
        assertTrue(timeout.get("output").asText().endsWith("reproduce: ./fearless grade --check mutex/no_lost_wakeup"
                + " --seed 42"), timeout.toString());
        assertFalse(find("mutex/smoke (behaviour, X1)").has("output"));
    }

    @Test
    void compile_errors_and_forbidden_uses_are_in_the_top_output_with_their_cost() {
        String output = root.get("output").asText();
        assertTrue(output.contains("box does not compile: 3 points lost."), output);
        assertTrue(output.contains("OwnedBox.java:12: error: ';' expected"), output);
        assertTrue(output.contains("drop-scope uses what a submission may not touch, so it was not run: 2 points lost."),
                output);
        assertTrue(output.contains("Scope.java:31: calls java.lang.System.exit"), output);
    }

    @Test
    void a_hidden_check_shows_after_the_deadline_without_a_way_to_rerun_it() {
        JsonNode hidden = find("rc/drop_once (property, O3)");
        assertEquals("after_due_date", hidden.get("visibility").asText());
        assertEquals("a hidden check: why it failed is not shown", hidden.get("output").asText());
        assertEquals("visible", find("rc/clone_counts (behaviour, O5)").get("visibility").asText());
    }

    @Test
    void control_characters_are_shown_escaped() {
        String output = find("mutex/lots_and_lots (race, X2)").get("output").asText();
        assertFalse(output.contains("\u001b"), output);
        assertTrue(output.contains("\\x1b[2K\\x0dforged row\\u202e"), output);
    }

    private JsonNode find(String name) {
        for (JsonNode test : root.get("tests")) {
            if (test.get("name").asText().equals(name)) {
                return test;
            }
        }
        throw new AssertionError("no test " + name);
    }

    private static Iterator<String> names(JsonNode node) {
        return node.fieldNames();
    }
}
