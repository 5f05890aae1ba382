package fearless.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code grade --format html} writes report.html beside the text and JSON reports. */
class HtmlFormatCommandTest {

    @TempDir
    Path dir;

    private static final String SOLUTIONS = Path.of("..", "solutions").toAbsolutePath().normalize().toString();

    @Test
    void grade_writes_the_html_report_to_out() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Path reports = dir.resolve("reports");
        assertEquals(0, cli.execute("grade", SOLUTIONS, "--check", "drop-scope/reverse_drop_order", "--format", "html",
                "--out", reports.toString()), err.toString());
        String html = Files.readString(reports.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<p class=\"total\" id=\"total\">2/2 <small>points (100%)</small></p>"), html);
        assertTrue(html.contains("drop-scope/reverse_drop_order"), html);
        assertTrue(out.toString().contains(reports.resolve("report.html").toString()), out.toString());
        assertTrue(Files.exists(reports.resolve("report.json")));
    }
}
