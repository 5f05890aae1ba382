package fearless.grader.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A class-data-sharing archive for a trusted helper JVM the grader starts on every run (the
 * compiler): the classes it loads are parsed and verified once, when the first run writes the
 * archive on its way out, and mapped from the archive by every later start, which takes some 40%
 * off that JVM's work. The archive is named by the JVM and the exact class path (each jar's size
 * and time), so a rebuilt grader or another JDK gets a new one; the JVM itself also refuses an
 * archive that does not match, and then simply runs without.
 *
 * <p>Off where it cannot work: no cache folder configured ({@value #CACHE_PROPERTY}, which
 * {@code ./fearless} sets), or a folder on the class path (JDK 17 archives only from jars; the
 * project's own tests run from {@code target/classes}). Never for a JVM that runs the submission:
 * what such a JVM loads must not outlive it.
 */
final class SharedArchive {

    /** The system property naming the folder that keeps the archives. */
    static final String CACHE_PROPERTY = "fearless.cache";

    private static final SharedArchive NONE = new SharedArchive(null, null);

    private final Path archive;
    private final Path pending;

    /**
     * @param archive where the archive is (or will be); null when off
     * @param pending where this run writes it, to be moved to {@code archive}; null when it exists already
     */
    private SharedArchive(Path archive, Path pending) {
        this.archive = archive;
        this.pending = pending;
    }

    /** The archive for the JVM named {@code name}, started with {@code classPath} and {@code flags}. */
    static SharedArchive of(String name, List<Path> classPath, List<String> flags) {
        String cache = System.getProperty(CACHE_PROPERTY);
        if (cache == null || cache.isBlank()) {
            return NONE;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, System.getProperty("java.home") + '\n' + System.getProperty("java.vm.version") + '\n'
                    + String.join(" ", flags) + '\n');
            for (Path entry : classPath) {
                BasicFileAttributes file = Files.readAttributes(entry, BasicFileAttributes.class);
                if (!file.isRegularFile()) {
                    return NONE;
                }
                update(digest, entry.toAbsolutePath() + " " + file.size() + " " + file.lastModifiedTime() + '\n');
            }
            Path dir = Files.createDirectories(Path.of(cache));
            Path archive = dir.resolve(name + "-" + HexFormat.of().formatHex(digest.digest(), 0, 8) + ".jsa");
            return Files.isRegularFile(archive) ? new SharedArchive(archive, null)
                    : new SharedArchive(archive, Files.createTempFile(dir, name + "-", ".jsa.part"));
        } catch (IOException | NoSuchAlgorithmException | RuntimeException unusable) {
            return NONE; // only slower without it
        }
    }

    /** Archives of earlier builds, unused for a day, go: each is some 15 MB. */
    private void pruneStale() throws IOException {
        String prefix = archive.getFileName().toString().substring(0, archive.getFileName().toString().lastIndexOf('-') + 1);
        FileTime dayAgo = FileTime.from(Instant.now().minus(Duration.ofDays(1)));
        try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(), prefix + "*.jsa")) {
            for (Path stale : old) {
                if (!stale.equals(archive) && Files.getLastModifiedTime(stale).compareTo(dayAgo) < 0) {
                    Files.deleteIfExists(stale);
                }
            }
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The JVM options: map the archive, or write it when this JVM exits normally, or nothing. */
    List<String> options() {
        if (pending != null) {
            // Logging off: the JVM would report classes it cannot archive on stdout, the compiler's result channel.
            return List.of("-XX:ArchiveClassesAtExit=" + pending, "-Xlog:disable");
        }
        if (archive != null) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:disable");
        }
        return List.of("-Xshare:auto");
    }

    /** After the JVM ended: keeps an archive it wrote, if it ended {@code normally}; otherwise discards it. */
    void settle(boolean normally) {
        if (pending == null) {
            return;
        }
        try {
            if (normally && Files.size(pending) > 0) {
                Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                pruneStale();
            } else {
                Files.deleteIfExists(pending);
            }
        } catch (IOException | RuntimeException ignored) {
            // Next run tries again.
        }
    }
}
