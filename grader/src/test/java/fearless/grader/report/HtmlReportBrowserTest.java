package fearless.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The HTML report and the class statistics page as a person sees them, in headless Chromium: the
 * totals, the first failure unfolded and the others folded, an interleaving as a table with a
 * column per thread, every in-page link landing somewhere, nothing fetched. One browser for all.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (CI installs them); without
 * them the test is skipped, saying so. With {@code -Dscreenshots.dir=DIR} it keeps its
 * screenshots (desktop and phone width) there to look at.
 */
class HtmlReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static Path folder;
    private static ChromeDriver browser;

    @BeforeAll
    static void open() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (Debian packages chromium and chromium-driver)");
        folder = Files.createTempDirectory("fearless-html");
        Files.writeString(folder.resolve("report.html"), new HtmlReport().render(ReportGoldenTest.sample()));
        Files.writeString(folder.resolve("statistics.html"),
                new StatisticsPage().render(Statistics.of(StatisticsTest.classOfFour())));
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--no-first-run",
                "--user-data-dir=" + folder.resolve("profile"), "--window-size=1100,1400");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(10));
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.quit();
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
        browser.manage().window().setSize(new Dimension(1100, 1400));
        browser.get(folder.resolve(file).toUri().toString());
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
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    /** A screenshot; kept where -Dscreenshots.dir says, then at phone width too. */
    private static void screenshot(String name) throws IOException {
        String keep = System.getProperty("screenshots.dir");
        List<Dimension> sizes = keep == null ? List.of(new Dimension(1100, 1400))
                : List.of(new Dimension(1100, 1400), new Dimension(390, 844));
        for (Dimension size : sizes) {
            browser.manage().window().setSize(size);
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            assertTrue(png.length > 1000, "a screenshot was taken");
            if (keep != null) {
                Files.createDirectories(Path.of(keep));
                Files.write(Path.of(keep, name + "-" + size.getWidth() + ".png"), png);
            }
        }
    }
}
