package fearless.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.browser.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The HTML report and the class statistics page as a person sees them, in headless Chromium: the
 * totals, the first failure unfolded and the others folded, an interleaving as a table with a
 * column per thread, every in-page link landing somewhere, nothing fetched. One browser for all.
 *
 * <p>Runs in {@link HeadlessChromium}: skipped, saying so, where Chromium is not installed.
 */
class HtmlReportBrowserTest {

    private static Path folder;
    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @BeforeAll
    static void open() throws IOException {
        folder = Files.createTempDirectory("fearless-html");
        Files.writeString(folder.resolve("report.html"), new HtmlReport().render(ReportGoldenTest.sample()));
        Files.writeString(folder.resolve("statistics.html"),
                new StatisticsPage().render(Statistics.of(StatisticsTest.classOfFour())));
        chromium = HeadlessChromium.open(folder.resolve("profile"));
        browser = chromium.driver();
    }

    @AfterAll
    static void close() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (folder != null) {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void report_reads_as_a_student_sees_it() throws IOException {
        load("report.html");
        assertEquals("2/16 points (13%)", text(By.id("total")));
        assertEquals("42", text(By.id("seed")));

        WebElement first = browser.findElement(By.id("check-mutex-lots_and_lots"));
        assertTrue(first.findElement(By.cssSelector("pre.text")).isDisplayed(), "the first failure is unfolded");
        assertTrue(first.getText().contains("two threads held the lock at once (X2)"));
        assertTrue(first.getText().contains("rerun: ./fearless grade --check mutex/lots_and_lots"));
        WebElement folded = browser.findElement(By.id("check-mutex-no_lost_wakeup"));
        assertFalse(folded.findElement(By.cssSelector("pre.text")).isDisplayed(), "a later failure is folded");
        assertTrue(folded.getText().contains("mutex/no_lost_wakeup"));

        WebElement trace = first.findElement(By.cssSelector("table.trace"));
        assertEquals(List.of("thread 1", "thread 2"), texts(trace.findElements(By.cssSelector("thead th"))));
        List<WebElement> rows = trace.findElements(By.cssSelector("tbody tr"));
        assertEquals(6, rows.size());
        assertEquals(List.of("", "lock()"), texts(rows.get(1).findElements(By.tagName("td"))));
        assertEquals(List.of("write 5", ""), texts(rows.get(4).findElements(By.tagName("td"))));

        folded.findElement(By.tagName("summary")).click();
        assertTrue(folded.findElement(By.cssSelector("pre.text")).isDisplayed(), "a click unfolds it");

        assertAnchorsResolve();
        assertNothingFetched();
        screenshot("report");
    }

    @Test
    void statistics_read_as_an_instructor_sees_them() throws IOException {
        load("statistics.html");
        assertEquals("4 submissions graded", text(By.id("total")));
        WebElement exclusion = browser.findElement(By.id("check-mutex-lots_and_lots"));
        assertTrue(exclusion.getText().contains("2/3"), exclusion.getText());
        assertTrue(exclusion.getText().contains("two threads held the lock at once (X2) ×2"), exclusion.getText());
        assertTrue(browser.findElement(By.id("rule-X1")).getText().contains("lock returns a guard"));
        assertAnchorsResolve();
        assertNothingFetched();
        screenshot("statistics");
    }

    private static void load(String file) {
        chromium.load(folder.resolve(file));
    }

    private static String text(By by) {
        return browser.findElement(by).getText();
    }

    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }

    /** Every link to a place in the page names an element that is there. */
    private static void assertAnchorsResolve() {
        List<?> missing = (List<?>) script("return [...document.querySelectorAll('a[href^=\"#\"]')]"
                + ".map(a => a.getAttribute('href').substring(1)).filter(id => !document.getElementById(id));");
        assertEquals(List.of(), missing, "links to no element");
        long anchors = (Long) script("return document.querySelectorAll('a[href^=\"#\"]').length;");
        assertTrue(anchors > 0, "the page has in-page links");
    }

    /** Nothing was loaded besides the page, and nothing names a place on the network to load from. */
    private static void assertNothingFetched() {
        assertEquals(0L, script("return performance.getEntriesByType('resource').length;"), "resources loaded");
        List<?> remote = (List<?>) script("return [...document.querySelectorAll('[src],[href],link,script[src],img,"
                + "iframe,object,embed')].map(e => e.getAttribute('src') || e.getAttribute('href') || e.tagName)"
                + ".filter(u => !u.startsWith('#') && !u.startsWith('../course-notes/'));");
        assertEquals(List.of(), remote, "references outside the page");
    }

    private static Object script(String code) {
        return chromium.script(code);
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
