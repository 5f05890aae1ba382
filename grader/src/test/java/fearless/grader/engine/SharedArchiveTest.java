package fearless.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A helper JVM writes its archive once, then maps it; without a cache or with a class folder, it runs plain. */
class SharedArchiveTest {

    @TempDir
    Path dir;

    @AfterEach
    void forgetTheCache() {
        System.clearProperty(SharedArchive.CACHE_PROPERTY);
    }

    @Test
    void off_without_a_cache_folder() throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "jar");
        assertEquals(List.of("-Xshare:auto"), SharedArchive.of("compiler", List.of(jar), List.of()).options());
    }

    @Test
    void off_with_a_class_folder_on_the_class_path() {
        System.setProperty(SharedArchive.CACHE_PROPERTY, dir.resolve("cds").toString());
        assertEquals(List.of("-Xshare:auto"), SharedArchive.of("compiler", List.of(dir), List.of()).options());
    }

    @Test
    void written_by_a_normal_exit_then_mapped() throws Exception {
        System.setProperty(SharedArchive.CACHE_PROPERTY, dir.resolve("cds").toString());
        Path jar = Files.writeString(dir.resolve("a.jar"), "jar");

        SharedArchive failed = SharedArchive.of("compiler", List.of(jar), List.of("-Xmx1m"));
        Files.writeString(pending(failed), "archive");
        failed.settle(false);
        assertEquals(List.of(), files(), "a JVM that did not end normally leaves nothing");

        Path cds = dir.resolve("cds");
        Path lastWeeks = Files.writeString(cds.resolve("compiler-0000000000000000.jsa"), "old build");
        Files.setLastModifiedTime(lastWeeks, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(7))));
        Path otherJdk = Files.writeString(cds.resolve("compiler-1111111111111111.jsa"), "in use today");
        SharedArchive first = SharedArchive.of("compiler", List.of(jar), List.of("-Xmx1m"));
        Files.writeString(pending(first), "archive");
        first.settle(true);
        assertFalse(Files.exists(lastWeeks), "an archive unused for a week goes");
        Files.delete(otherJdk); // kept: used within the day
        List<String> kept = files();
        assertEquals(1, kept.size(), kept.toString());
        assertTrue(kept.get(0).startsWith("compiler-") && kept.get(0).endsWith(".jsa"), kept.toString());

        List<String> again = SharedArchive.of("compiler", List.of(jar), List.of("-Xmx1m")).options();
        assertTrue(again.contains("-XX:SharedArchiveFile=" + dir.resolve("cds").resolve(kept.get(0))), again.toString());
        List<String> otherFlags = SharedArchive.of("compiler", List.of(jar), List.of("-Xmx2m")).options();
        assertFalse(otherFlags.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile")),
                "other flags, another archive: " + otherFlags);
    }

    private static Path pending(SharedArchive archive) {
        return Path.of(archive.options().stream().filter(o -> o.startsWith("-XX:ArchiveClassesAtExit="))
                .findFirst().orElseThrow().substring("-XX:ArchiveClassesAtExit=".length()));
    }

    private List<String> files() throws Exception {
        try (var files = Files.list(dir.resolve("cds"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".part")).sorted().toList();
        }
    }
}
