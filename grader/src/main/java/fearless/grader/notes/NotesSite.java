package fearless.grader.notes;

import fearless.grader.report.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The course notes as a static site: one HTML page per Markdown file ({@code README.md} becomes
 * {@code index.html}), links between notes pointed at the pages, and every page made from one
 * template. Nothing is fetched from the network: the highlighter (highlight.js, from its WebJar)
 * and its colours are copied into {@code assets/}, so the site reads offline from any folder.
 */
public final class NotesSite {

    /** What the template needs to lay out one page. */
    public record Page(String courseTitle, String title, String body, List<NavEntry> nav) {
    }

    /** One entry of the navigation: where it goes, what it says, whether it is the page shown. */
    public record NavEntry(String href, String label, boolean current) {
    }

    private static final String WEBJAR = "META-INF/resources/webjars/highlightjs/";
    private static final List<String> ASSETS = List.of("highlight.min.js", "styles/github.min.css");

    private NotesSite() {
    }

    /** Writes the site into {@code out} (created if needed) and returns the pages written, index first. */
    public static List<Path> write(CourseNotes notes, String courseTitle, Path out) throws IOException {
        Files.createDirectories(out.resolve("assets"));
        copyAssets(out.resolve("assets"));
        List<String> labels = notes.pages().stream().map(NotesSite::navLabel).toList();
        List<Path> written = new ArrayList<>();
        for (NotePage page : notes.pages()) {
            List<NavEntry> nav = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                String other = notes.pages().get(i).file();
                nav.add(new NavEntry(htmlName(other), labels.get(i), other.equals(page.file())));
            }
            String body = page.html(NotesSite::pageLink);
            Path file = out.resolve(htmlName(page.file()));
            Files.writeString(file, Templates.render("notes.jte", new Page(courseTitle, page.title(), body, nav)));
            written.add(file);
        }
        return written;
    }

    /** {@code 06-mutex.md#rule-x2} to {@code 06-mutex.html#rule-x2}; in-page and outside links stay. */
    static String pageLink(String href) {
        if (href.contains(":") || href.startsWith("#")) {
            return href;
        }
        int hash = href.indexOf('#');
        String file = hash < 0 ? href : href.substring(0, hash);
        String anchor = hash < 0 ? "" : href.substring(hash);
        return file.endsWith(".md") ? htmlName(file) + anchor : href;
    }

    static String htmlName(String markdownFile) {
        String name = markdownFile.equals(CourseNotes.INDEX) ? "index.md" : markdownFile;
        return name.substring(0, name.length() - ".md".length()) + ".html";
    }

    private static String navLabel(NotePage page) {
        if (page.file().equals(CourseNotes.INDEX)) {
            return "The course";
        }
        String number = page.file().replaceFirst("^0*(\\d+)-.*", "$1");
        String title = page.title().replaceFirst("^Lesson \\d+:\\s*", "");
        return CourseNotes.isLesson(page.file()) ? number + ". " + title : title;
    }

    private static void copyAssets(Path assets) throws IOException {
        String version = highlightJsVersion();
        for (String asset : ASSETS) {
            String resource = WEBJAR + version + "/" + asset;
            try (InputStream in = NotesSite.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the highlighter is missing from the class path: " + resource);
                }
                Files.copy(in, assets.resolve(Path.of(asset).getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String highlightJsVersion() {
        Properties pom = new Properties();
        try (InputStream in = NotesSite.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/highlightjs/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the highlightjs WebJar is not on the class path");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }
}
