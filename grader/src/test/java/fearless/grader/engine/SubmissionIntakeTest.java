package fearless.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only sources and the course's provider registrations go in; links and special files are refused by name. */
class SubmissionIntakeTest {

    private static final String PROVIDER = "fearless.api.mutex.MutexProvider";

    @TempDir
    Path dir;

    @Test
    void sources_and_known_registrations_are_taken_and_nothing_else() throws IOException {
        write("src/main/java/p/mutex/M.java", "package p.mutex; class M { }");
        write("src/main/java/p/mutex/Prebuilt.class", "\u00ca\u00fe\u00ba\u00be");
        write("src/main/resources/p/mutex/M.class", "not taken");
        write("src/main/resources/junit-platform.properties", "junit.jupiter.extensions.autodetection.enabled=true");
        write("src/main/resources/META-INF/services/org.junit.platform.engine.TestEngine", "p.Evil");
        write("src/main/resources/META-INF/services/" + PROVIDER, "# the mutex\np.mutex.Provider\n");
        SubmissionIntake.Taken taken = take();

        assertEquals(List.of(dir.resolve("copy/p/mutex/M.java")), taken.javaFiles());
        assertEquals(Map.of(PROVIDER, List.of("p.mutex.Provider")), taken.registrations());
        assertEquals(List.of(), taken.refused());
        try (var copied = Files.walk(dir.resolve("copy"))) {
            assertEquals(1, copied.filter(Files::isRegularFile).count(), "only the .java file is copied");
        }
    }

    @Test
    void links_are_refused_by_name_and_never_read() throws IOException {
        Path secret = write("outside/Secret.java", "class Secret { String s = \"secret-content\"; }");
        write("src/main/java/p/mutex/M.java", "package p.mutex; class M { }");
        Files.createSymbolicLink(dir.resolve("src/main/java/p/mutex/Link.java"), secret);
        Files.createSymbolicLink(dir.resolve("src/main/java/p/linked"), secret.getParent());
        Files.createDirectories(dir.resolve("src/main/resources/META-INF/services"));
        Files.createSymbolicLink(dir.resolve("src/main/resources/META-INF/services/" + PROVIDER), secret);
        SubmissionIntake.Taken taken = take();

        assertEquals(1, taken.javaFiles().size());
        assertEquals(Map.of(), taken.registrations());
        String refused = String.join("\n", taken.refused());
        assertTrue(refused.contains("p/mutex/Link.java: a symbolic link"), refused);
        assertTrue(refused.contains("p/linked: a symbolic link"), refused);
        assertTrue(refused.contains("META-INF/services/" + PROVIDER + ": a symbolic link"), refused);
        assertFalse(refused.contains("secret-content"));
    }

    @Test
    void module_info_special_files_and_huge_files_are_refused() throws Exception {
        write("src/main/java/p/mutex/M.java", "package p.mutex; class M { }");
        write("src/main/java/module-info.java", "module evil { }");
        write("src/main/java/p/mutex/Huge.java", "x".repeat((int) SubmissionIntake.MAX_FILE_BYTES + 1));
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("src/main/java/p/mutex/Pipe.java").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        SubmissionIntake.Taken taken = take();

        assertEquals(1, taken.javaFiles().size());
        String refused = String.join("\n", taken.refused());
        assertTrue(refused.contains("module-info.java: a submission is not a module"), refused);
        assertTrue(refused.contains("p/mutex/Huge.java: larger than"), refused);
        assertTrue(refused.contains("p/mutex/Pipe.java: not a regular file"), refused);
    }

    @Test
    void a_registration_that_is_not_a_class_name_is_refused() throws IOException {
        write("src/main/java/p/mutex/M.java", "package p.mutex; class M { }");
        write("src/main/resources/META-INF/services/" + PROVIDER, "../../etc/passwd\n");
        SubmissionIntake.Taken taken = take();
        assertEquals(Map.of(PROVIDER, List.of()), taken.registrations());
        assertTrue(taken.refused().get(0).contains("is not a class name"), taken.refused().toString());
    }

    @Test
    void a_bare_tree_is_walked_once_for_sources_and_registrations() throws IOException {
        Path bare = dir.resolve("bare");
        Files.createDirectories(bare.resolve("p/mutex"));
        Files.writeString(bare.resolve("p/mutex/M.java"), "package p.mutex; class M { }");
        Files.createDirectories(bare.resolve("META-INF/services"));
        Files.writeString(bare.resolve("META-INF/services/" + PROVIDER), "p.mutex.M\n");
        Files.createSymbolicLink(bare.resolve("p/mutex/Link.java"), bare.resolve("p/mutex/M.java"));
        SubmissionIntake.Taken taken = SubmissionIntake.take(SubmissionTree.resolve(bare.toString(), dir),
                Set.of(PROVIDER), dir.resolve("copy"));
        assertEquals(1, taken.javaFiles().size());
        assertEquals(Map.of(PROVIDER, List.of("p.mutex.M")), taken.registrations());
        assertEquals(1, taken.refused().size(), "one line per refused file: " + taken.refused());
    }

    @Test
    void past_the_file_limit_one_line_says_so() throws IOException {
        for (int i = 0; i <= SubmissionIntake.MAX_FILES + 5; i++) {
            write("src/main/java/p/mutex/M" + i + ".java", "package p.mutex; class M" + i + " { }");
        }
        SubmissionIntake.Taken taken = take();
        assertEquals(SubmissionIntake.MAX_FILES, taken.javaFiles().size());
        assertEquals(List.of("more than " + SubmissionIntake.MAX_FILES + " source files: the rest are not read"),
                taken.refused());
    }

    @Test
    void no_java_files_is_a_usage_error() {
        assertThrows(UsageException.class, () -> SubmissionIntake.take(SubmissionTree.resolve(dir.toString(), dir),
                Set.of(PROVIDER), dir.resolve("copy")));
    }

    private SubmissionIntake.Taken take() {
        return SubmissionIntake.take(SubmissionTree.resolve(dir.toString(), dir), Set.of(PROVIDER), dir.resolve("copy"));
    }

    private Path write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }
}
