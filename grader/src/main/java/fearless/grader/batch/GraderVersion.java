package fearless.grader.batch;

import fearless.grader.course.Course;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * What a gradebook row says graded it: the kit's version, plus a fingerprint of the course
 * manifest and of the grader's jar (when the grader runs from one), so that a changed check or a
 * changed weight makes a rerun grade everything again.
 */
public final class GraderVersion {

    private GraderVersion() {
    }

    /** {@code release} followed by the fingerprint, e.g. {@code fearless 0.1.0+3f2a9c1d04be}. */
    public static String of(String release) {
        MessageDigest digest = ContentHash.sha256();
        try (InputStream course = Course.class.getResourceAsStream(Course.RESOURCE)) {
            if (course != null) {
                digest.update(course.readAllBytes());
            }
            Path jar = jar();
            if (jar != null) {
                digest.update(Files.readAllBytes(jar));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the grader's own files", e);
        }
        return release + "+" + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    /** The grader's jar, or null when the grader runs from class folders (the project's tests). */
    private static Path jar() {
        CodeSource source = GraderVersion.class.getProtectionDomain().getCodeSource();
        try {
            Path path = source == null ? null : Path.of(source.getLocation().toURI());
            return path != null && Files.isRegularFile(path) ? path : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
