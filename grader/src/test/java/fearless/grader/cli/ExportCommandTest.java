package fearless.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fearless export} writes the kit's student repository and prints what it wrote; a folder
 * in use is refused with one line, and {@code calibrate}, which the repository keeps, says why it
 * cannot run there.
 */
class ExportCommandTest {

    @TempDir
    Path dir;

    private final Terminal terminal = new Terminal();
    private final StringWriter out = terminal.out;
    private final StringWriter err = terminal.err;

    /** The kit is where {@code ./fearless} says it is; the tests run in grader/. */
    private static final Path KIT = Path.of("..");

    @Test
    void it_writes_the_repository_and_says_what_is_in_it() {
        Path student = dir.resolve("student");
        assertEquals(0, terminal.runIn(KIT, "export", student.toString()), err.toString());
        String printed = out.toString();
        assertTrue(printed.startsWith("wrote the student repository " + student + "\n"), printed);
        for (String part : new String[] {"pom.xml", "fearless", "README.md", ".github/workflows/grade.yml", "api/",
                "child/", "exercises/", "grader/", "course-notes/"}) {
            assertTrue(printed.lines().anyMatch(l -> l.startsWith("  " + part + " ")), part + " missing from:\n" + printed);
            assertTrue(Files.exists(student.resolve(part)), part);
        }
        assertTrue(printed.endsWith("hidden checks: none\n"), printed);
        assertTrue(Files.isRegularFile(student.resolve("grader/src/main/resources/fearless/course.yaml")));
        assertTrue(Files.notExists(student.resolve("solutions")));
    }

    @Test
    void a_folder_in_use_is_refused() throws Exception {
        Files.writeString(dir.resolve("mine.txt"), "work");
        assertEquals(Main.USAGE, terminal.runIn(KIT, "export", dir.toString()));
        assertEquals("fearless: " + dir + " exists and is not empty: export writes a new repository into a new or empty"
                + " folder\n", err.toString());
    }

    @Test
    void calibrate_says_it_needs_the_kit() {
        assertEquals(Main.USAGE, terminal.runIn(dir, "calibrate", "--runs", "1"));
        assertEquals("fearless: calibrate needs the kit's calibration set (grader/src/test/resources/mutants) and"
                + " its reference solutions (solutions/), which " + dir + " does not have: calibrate is an instructor's"
                + " command\n",
                err.toString());
    }
}
