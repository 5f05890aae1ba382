package fearless.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the page makes of text a submission wrote, and which feedback it unfolds. */
class HtmlReportTest {

    private static GradeReport reportWith(String message, String submission) {
        CheckResult hostile = new CheckResult("mutex/smoke", "behaviour", List.of("X1"), 0, 2, Status.FAILED, message, 1,
                false, false);
        CheckResult later = new CheckResult("mutex/other", "race", List.of("X1"), 0, 2, Status.FAILED, "second", 1,
                false, true);
        ExerciseResult mutex = new ExerciseResult("mutex", "mutex", "Mutex", "course-notes/06-mutex.md", 0, 4, List.of(),
                List.of(), List.of(), List.of(hostile, later));
        return new GradeReport(submission, 7, 0, 4, 1, "jdk", List.of(mutex), "none", List.of(),
                Map.of("X1", new GradeReport.RuleLink("a \"guard\"", "course-notes/06-mutex.md#rule-x1")));
    }

    @Test
    void text_from_the_submission_is_escaped() {
        String html = new HtmlReport().render(reportWith("</pre><script>alert(1)</script>\nthread 1 | thread 2\n"
                + "<b>x</b> |\n         | y", "<img src=x onerror=alert(1)>"));
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<b>x"), html);
        assertTrue(html.contains("&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("<td class=\"step\">&lt;b&gt;x&lt;/b&gt;</td>"), html);
        assertTrue(html.contains("title=\"a &#34;guard&#34;\"") || html.contains("title=\"a &quot;guard&quot;\""), html);
    }

    @Test
    void control_characters_show_escaped_as_in_the_console() {
        String html = new HtmlReport().render(reportWith("reversed\u202e text\u001b[2J", "exercises"));
        assertTrue(html.contains("reversed\\u202e text\\x1b[2J"), html);
    }

    @Test
    void only_the_first_failure_of_an_exercise_is_unfolded_and_each_says_how_to_rerun() {
        String html = new HtmlReport().render(reportWith("first", "exercises"));
        assertEquals(1, html.split("<details open>", -1).length - 1);
        assertEquals(2, html.split("<details", -1).length - 1);
        assertTrue(html.contains("reproduce: <code>./fearless grade --check mutex/smoke --seed 7</code>"), html);
        assertTrue(html.contains("rerun: <code>./fearless grade --check mutex/other</code>"), html);
    }

    @Test
    void is_the_html_format() {
        assertEquals("report.html", ReportFormats.byId("html").orElseThrow().fileName());
    }
}
