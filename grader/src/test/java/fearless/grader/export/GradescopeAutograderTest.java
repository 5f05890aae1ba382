package fearless.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.engine.UsageException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gradescope autograder holds what grading needs, every check included, and no solution. */
class GradescopeAutograderTest {

    /** The kit's root: the tests run in grader/. */
    private static final Path KIT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void the_zip_holds_the_scripts_and_the_kit_without_solutions() throws Exception {
        new GradescopeAutograder(KIT).write(dir.resolve("out"));
        Path zip = dir.resolve("out").resolve(GradescopeAutograder.ZIP);
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("enablePosixFileAttributes", "true"))) {
            Path root = fs.getPath("/");
            List<String> entries;
            try (Stream<Path> walk = Files.walk(root)) {
                entries = walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).toList();
            }
            for (String entry : entries) {
                assertFalse(entry.startsWith("solutions/") || entry.startsWith("exercises/"), entry);
                assertFalse(entry.contains("/src/test/") || entry.contains("/resources/fearless/scaffold/"), entry);
                assertFalse(Files.readString(root.resolve(entry), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains("package fearless.solutions"), entry);
            }
            for (String script : List.of("run_autograder", "setup.sh", "fearless")) {
                assertTrue(Files.getPosixFilePermissions(root.resolve(script)).contains(PosixFilePermission.OWNER_EXECUTE),
                        script);
            }
            assertTrue(Files.readString(root.resolve("run_autograder")).contains("--format gradescope --out \"$results\""));
            String pom = Files.readString(root.resolve("pom.xml"));
            assertFalse(pom.contains("<module>solutions</module>") || pom.contains("<module>exercises</module>"), pom);
            assertTrue(pom.contains("<module>grader</module>"), pom);
            assertTrue(entries.contains("grader/src/main/resources/fearless/course.yaml"));
            assertTrue(entries.contains("api/pom.xml") && entries.contains("child/pom.xml"));
            assertTrue(entries.stream().anyMatch(e -> e.startsWith("grader/src/main/java/fearless/grader/checks/mutex/")));
            Set<String> hiddenSources = Set.copyOf(HiddenCheckClasses.of(fearless.grader.engine.CheckCatalog.discover(
                    fearless.grader.course.Course.load(), fearless.grader.engine.CheckCatalog.CHECKS_PACKAGE,
                    fearless.grader.course.Course.load().exercises().stream().map(e -> e.id()).toList())));
            for (String hidden : hiddenSources) {
                assertTrue(entries.contains("grader/src/main/java/" + hidden.replace('.', '/') + ".java"), hidden);
            }
        }
    }

    @Test
    void a_folder_that_is_not_empty_is_refused_and_nothing_is_written() throws Exception {
        Files.writeString(dir.resolve("note"), "mine");
        UsageException e = assertThrows(UsageException.class, () -> new GradescopeAutograder(KIT).write(dir));
        assertTrue(e.getMessage().contains("exists and is not empty: gradescope-zip writes"), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
