package fearless.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gradescope-zip} says what it wrote, and refuses a folder that holds something. */
class GradescopeZipCommandTest {

    @TempDir
    Path dir;

    private final Terminal terminal = new Terminal();
    private final StringWriter out = terminal.out;
    private final StringWriter err = terminal.err;

    private int run(String... args) {
        return terminal.runIn(Path.of(".."), args);
    }

    @Test
    void writes_the_zip_and_lists_its_parts() {
        assertEquals(0, run("gradescope-zip", dir.resolve("gs").toString()), err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("gs/autograder.zip")));
        assertTrue(out.toString().startsWith("wrote the Gradescope autograder " + dir.resolve("gs/autograder.zip")),
                out.toString());
        assertTrue(out.toString().contains("run_autograder"), out.toString());
        assertTrue(out.toString().contains("left out: solutions/"), out.toString());
    }

    @Test
    void a_folder_that_is_not_empty_exits_2() throws Exception {
        Files.writeString(dir.resolve("x"), "x");
        assertEquals(Main.USAGE, run("gradescope-zip", dir.toString()));
        assertTrue(err.toString().contains("exists and is not empty"), err.toString());
    }
}
