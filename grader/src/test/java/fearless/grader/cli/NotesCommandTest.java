package fearless.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notes} writes the site where it is told, and {@code --rule-index} rewrites the committed index. */
class NotesCommandTest {

    private static final Path KIT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final Terminal terminal = new Terminal();
    private final StringWriter out = terminal.out;
    private final StringWriter err = terminal.err;

    private int run(Path home, String... args) {
        return terminal.runIn(home, args);
    }

    @Test
    void writes_a_page_per_note_and_the_highlighter_beside_them() throws IOException {
        assertEquals(0, run(KIT, "notes", "--out", dir.resolve("site").toString()), err.toString());
        long notes;
        try (Stream<Path> files = Files.list(KIT.resolve("course-notes"))) {
            notes = files.filter(f -> f.toString().endsWith(".md")).count();
        }
        assertEquals("wrote " + notes + " pages to " + dir.resolve("site") + ": open " + dir.resolve("site/index.html"),
                out.toString().strip());
        assertTrue(Files.isRegularFile(dir.resolve("site/06-mutex.html")));
        assertTrue(Files.size(dir.resolve("site/assets/highlight.min.js")) > 50_000);
        assertTrue(Files.readString(dir.resolve("site/index.html")).contains("href=\"01-ownership.html\""));
    }

    @Test
    void rule_index_rewrites_course_notes_rules_md_from_the_manifest_and_the_checks() throws IOException {
        Path home = dir.resolve("kit");
        Files.createDirectories(home.resolve("course-notes"));
        try (Stream<Path> files = Files.list(KIT.resolve("course-notes"))) {
            for (Path note : files.toList()) {
                Files.copy(note, home.resolve("course-notes").resolve(note.getFileName()));
            }
        }
        Files.writeString(home.resolve("course-notes/rules.md"), "stale\n");
        assertEquals(0, run(home, "notes", "--rule-index"), err.toString());
        assertEquals("wrote " + home.resolve("course-notes/rules.md"), out.toString().strip());
        assertEquals(Files.readString(KIT.resolve("course-notes/rules.md")), Files.readString(home.resolve("course-notes/rules.md")));
    }
}
