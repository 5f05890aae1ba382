package fearless.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash changes with what the grader reads, and only with that. */
class ContentHashTest {

    @TempDir
    Path dir;

    @Test
    void only_sources_and_registrations_count() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("s/src/main/java/p"));
        Files.writeString(sub.resolve("A.java"), "class A { }");
        Path root = dir.resolve("s");
        String before = ContentHash.of(root);
        Files.writeString(sub.resolve("A.class"), "bytes");
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/B.java"), "not read");
        Files.writeString(root.resolve("README.md"), "notes");
        assertEquals(before, ContentHash.of(root), "class files, .git and notes are not read");
        Files.createDirectories(root.resolve("src/main/resources/META-INF/services"));
        Files.writeString(root.resolve("src/main/resources/META-INF/services/fearless.api.BoxProvider"), "p.A");
        String registered = ContentHash.of(root);
        assertNotEquals(before, registered, "a registration counts");
        Files.writeString(sub.resolve("A.java"), "class A { int x; }");
        assertNotEquals(registered, ContentHash.of(root), "a changed source counts");
        Files.move(sub.resolve("A.java"), sub.resolve("B.java"));
        assertNotEquals(registered, ContentHash.of(root), "a renamed source counts");
    }
}
