package fearless.grader.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.browser.HeadlessChromium;
import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.engine.CheckCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The notes' site as a reader sees it, in headless Chromium: the index lists every lesson, every
 * link of every page lands on a page and an element that exist, code is highlighted with the
 * outcome a Rust snippet claims above it, the rule index leads to the lesson sections, and nothing
 * is fetched from outside the site.
 */
class NotesSiteBrowserTest {

    private static final Course COURSE = Course.load();

    @TempDir
    static Path site;

    private static HeadlessChromium chromium;
    private static List<Path> pages;

    @BeforeAll
    static void write() throws IOException {
        CourseNotes notes = CourseNotes.read(Path.of("..", "course-notes").toAbsolutePath().normalize());
        NotePage rules = RuleIndex.page(COURSE, CheckCatalog.discover(COURSE, CheckCatalog.CHECKS_PACKAGE,
                COURSE.exercises().stream().map(ExerciseInfo::id).toList()), notes);
        pages = NotesSite.write(notes.with(rules), COURSE.title(), site.resolve("site"));
        chromium = HeadlessChromium.open(site.resolve("profile"));
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void the_index_lists_every_lesson_in_order() throws IOException {
        chromium.load(site.resolve("site/index.html"));
        assertEquals("Fearless course notes", text(By.tagName("h1")));
        List<String> lessons = new ArrayList<>();
        for (WebElement row : chromium.driver().findElements(By.cssSelector("h2#lessons + p + table tbody tr"))) {
            lessons.add(row.findElement(By.cssSelector("td:nth-child(2) a")).getAttribute("href").replaceFirst(".*/", ""));
        }
        List<String> expected = pages.stream().map(p -> p.getFileName().toString())
                .filter(n -> n.matches("\\d+-.*\\.html")).toList();
        assertEquals(expected, lessons.stream().distinct().toList(), "the lessons table, in course order");
        List<String> nav = chromium.driver().findElements(By.cssSelector("nav li a")).stream().map(WebElement::getText).toList();
        assertEquals(pages.size(), nav.size(), "the navigation names every page: " + nav);
        assertTrue(nav.contains("6. Mutex<T>, shared state behind a lock"), nav.toString());
        assertTrue(nav.containsAll(List.of("Rust-to-Java glossary", "Rule index")), nav.toString());
        chromium.screenshot("notes-index");
    }

    @Test
    void every_link_of_every_page_lands_on_an_element_that_exists() {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        Map<String, List<String>> links = new LinkedHashMap<>();
        for (Path page : pages) {
            chromium.load(page);
            String name = page.getFileName().toString();
            ids.put(name, new TreeSet<>(strings("return [...document.querySelectorAll('[id]')].map(e => e.id);")));
            links.put(name, strings("return [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'));"));
            assertNothingFromOutside(name);
        }
        List<String> broken = new ArrayList<>();
        int count = 0;
        for (var entry : links.entrySet()) {
            for (String href : entry.getValue()) {
                count++;
                int hash = href.indexOf('#');
                String file = hash < 0 ? href : href.substring(0, hash);
                String target = file.isEmpty() ? entry.getKey() : file;
                if (!ids.containsKey(target)) {
                    broken.add(entry.getKey() + ": " + href + " (no page " + target + ")");
                } else if (hash >= 0 && !ids.get(target).contains(href.substring(hash + 1))) {
                    broken.add(entry.getKey() + ": " + href + " (no element with that id)");
                }
            }
        }
        assertTrue(count > 500, "only " + count + " links in the site");
        assertEquals(List.of(), broken);
    }

    @Test
    void code_is_highlighted_and_a_rust_snippet_shows_what_rustc_does_with_it() throws IOException {
        chromium.load(site.resolve("site/02-borrowing.html"));
        List<WebElement> refused = chromium.driver().findElements(By.cssSelector("pre[data-claim^='rustc refuses it']"));
        assertFalse(refused.isEmpty(), "a compile_fail snippet is labelled");
        String label = (String) chromium.script("return getComputedStyle(arguments[0], '::before').content;", refused.get(0));
        assertTrue(label.startsWith("\"rustc refuses it: E0"), label);
        WebElement code = refused.get(0).findElement(By.tagName("code"));
        assertTrue(code.getAttribute("class").contains("hljs"), "highlight.js ran: " + code.getAttribute("class"));
        assertFalse(code.findElements(By.cssSelector(".hljs-keyword")).isEmpty(), "Rust keywords are coloured");
        assertTrue(code.getText().contains("fn main()") || code.getText().contains("let "), code.getText());
        chromium.screenshot("notes-lesson");
    }

    @Test
    void the_rule_index_leads_to_the_section_that_explains_each_rule() throws IOException {
        chromium.load(site.resolve("site/rules.html"));
        WebElement row = chromium.driver().findElement(By.id("rule-x2")).findElement(By.xpath("./ancestor::tr"));
        assertTrue(row.getText().contains("mutex/lots_and_lots"), row.getText());
        row.findElement(By.cssSelector("td:nth-child(3) a")).click();
        assertTrue(chromium.driver().getCurrentUrl().endsWith("06-mutex.html#rule-x2"), chromium.driver().getCurrentUrl());
        WebElement target = chromium.driver().findElement(By.id("rule-x2"));
        assertTrue(target.isDisplayed() || target.getLocation().getY() >= 0, "the anchor is on the page");
        assertTrue((Boolean) chromium.script("const r = document.getElementById('rule-x2').getBoundingClientRect();"
                + " return r.top >= -5 && r.top < window.innerHeight;"), "the browser scrolled to the rule");
        chromium.screenshot("notes-rules");
    }

    /** Nothing was loaded from outside the site, and nothing names a place on the network. */
    private static void assertNothingFromOutside(String page) {
        List<String> outside = strings("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(u => !u.startsWith('file:'));");
        assertEquals(List.of(), outside, page + " loaded from the network");
        List<String> remote = strings("return [...document.querySelectorAll('[src],[href]')]"
                + ".map(e => e.getAttribute('src') || e.getAttribute('href')).filter(u => /^[a-z]+:/i.test(u));");
        assertEquals(List.of(), remote, page + " names a place outside the site");
    }

    private static String text(By by) {
        return chromium.driver().findElement(by).getText();
    }

    private static List<String> strings(String script) {
        return ((List<?>) chromium.script(script)).stream().map(String::valueOf).toList();
    }
}
