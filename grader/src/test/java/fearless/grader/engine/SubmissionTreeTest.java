package fearless.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionTreeTest {

    @TempDir
    Path dir;

    @Test
    void a_missing_path_is_a_usage_error() {
        UsageException e = assertThrows(UsageException.class,
                () -> SubmissionTree.resolve(dir.resolve("nope").toString(), dir));
        assertTrue(e.getMessage().startsWith("no submission at "), e.getMessage());
    }

    @Test
    void a_project_folder_has_sources_and_resources() throws IOException {
        Files.createDirectories(dir.resolve("src/main/java/a"));
        Files.createDirectories(dir.resolve("src/main/resources/META-INF/services"));
        SubmissionTree tree = SubmissionTree.resolve(dir.toString(), dir);
        assertEquals(dir.resolve("src/main/java"), tree.sources());
        assertEquals(dir.resolve("src/main/resources"), tree.resources().orElseThrow());
        assertEquals(Path.of("src/main/java"), tree.shownSources());
    }

    @Test
    void a_bare_source_tree_may_carry_its_registrations() throws IOException {
        Files.createDirectories(dir.resolve("META-INF/services"));
        SubmissionTree tree = SubmissionTree.resolve(dir.toString(), dir);
        assertEquals(dir, tree.sources());
        assertEquals(dir, tree.resources().orElseThrow());
        assertEquals(Path.of(""), tree.shownSources());
    }

    @Test
    void a_linked_source_folder_is_not_a_project_layout() throws IOException {
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.createDirectories(dir.resolve("project/src/main"));
        Files.createSymbolicLink(dir.resolve("project/src/main/java"), dir.resolve("elsewhere"));
        SubmissionTree tree = SubmissionTree.resolve(dir.resolve("project").toString(), dir);
        assertEquals(dir.resolve("project"), tree.sources());
        assertEquals(Path.of(""), tree.shownSources());
    }

    @Test
    void a_project_without_resources_names_its_sources_from_the_project() throws IOException {
        Files.createDirectories(dir.resolve("src/main/java/a"));
        assertEquals(Path.of("src/main/java"), SubmissionTree.resolve(dir.toString(), dir).shownSources());
    }
}
