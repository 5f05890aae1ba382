package fearless.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The GitHub job summary and the result handed to GitHub Classroom's reporter. */
class GithubReportTest {

    @Test
    void summary_matches_golden() throws IOException {
        Golden.assertMatches("summary.md", new GithubReport().render(Golden.sample()));
    }

    @Test
    void a_code_block_cannot_be_closed_by_what_it_quotes() {
        assertEquals("````text\na ``` b\n````\n\n", GithubReport.block("a ``` b"));
        assertEquals("`` a`b ``", GithubReport.inline("a`b"));
    }

    @Test
    void table_text_is_escaped_for_markdown_and_html() {
        assertEquals("a \\| &lt;b&gt; \\*c\\* &amp;", GithubReport.text("a | <b> *c* &"));
        assertEquals("&lt;/summary&gt;", GithubReport.html("</summary>"));
    }

    @Test
    void the_classroom_result_has_the_reporters_shape() throws IOException {
        GradeReport report = Golden.sample();
        String encoded = ClassroomResult.encoded(report);
        assertFalse(encoded.contains("\n"));
        JsonNode result = new ObjectMapper().readTree(new String(Base64.getDecoder().decode(encoded),
                StandardCharsets.UTF_8));
        assertEquals(1, result.get("version").asInt());
        assertEquals("fail", result.get("status").asText());
        assertEquals(report.maxScore(), result.get("max_score").asInt());
        int sum = 0;
        for (JsonNode test : result.get("tests")) {
            sum += test.get("score").asInt();
            for (String field : new String[] {"name", "status", "score", "message", "test_code", "filename", "line_no",
                    "duration"}) {
                assertTrue(test.has(field), field);
            }
        }
        assertEquals(report.score(), sum);
        assertEquals("mutex/smoke (behaviour, X1)", result.get("tests").get(2).get("name").asText());
        assertEquals("pass", result.get("tests").get(2).get("status").asText());
    }
}
