package fearless.grader.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stubs calibration grades are the committed ones, whatever a student has written in exercises/. */
class CommittedStubsTest {

    private static final String STUB = "exercises/src/main/java/p/Stub.java";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void a_student_s_work_in_exercises_is_not_the_fixture() throws Exception {
        Path kit = dir.resolve("kit");
        write(kit.resolve(STUB), "class Stub { /* TODO */ }");
        assumeTrue(git(kit, "init", "-q") == 0, "git does not run here");
        assertEquals(0, git(kit, "add", "."));
        assertEquals(0, git(kit, "-c", "user.name=kit", "-c", "user.email=kit@example.org", "commit", "-q", "-m", "stubs"));
        write(kit.resolve(STUB), "class Stub { int answer() { return 42; } }");
        write(kit.resolve("exercises/src/main/java/p/Extra.java"), "class Extra { }");

        Path stubs = CommittedStubs.copy(kit, dir.resolve("copy"), warnings::add);

        assertEquals(dir.resolve("copy"), stubs, warnings.toString());
        assertEquals("class Stub { /* TODO */ }", Files.readString(stubs.resolve("src/main/java/p/Stub.java")));
        assertFalse(Files.exists(stubs.resolve("src/main/java/p/Extra.java")), "an uncommitted file was copied");
        assertEquals(List.of(), warnings);
    }

    @Test
    void outside_version_control_the_working_tree_is_graded_with_a_warning() throws Exception {
        Path kit = dir.resolve("kit");
        write(kit.resolve(STUB), "class Stub { }");

        Path stubs = CommittedStubs.copy(kit, dir.resolve("copy"), warnings::add);

        assertEquals(kit.resolve("exercises"), stubs);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("is not a git checkout") && warnings.get(0).contains("student's work"),
                warnings.get(0));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static int git(Path in, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", in.toString()));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException missing) {
            return -1;
        }
    }
}
