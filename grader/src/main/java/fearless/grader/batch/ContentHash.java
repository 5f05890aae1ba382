package fearless.grader.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A submission's fingerprint: SHA-256 over what the grader reads of it, so a rerun can tell an
 * unchanged submission without grading it. For a folder, the sorted relative paths and bytes of
 * its {@code .java} files and {@code META-INF/services} registrations (links are not followed,
 * {@code .git} is not read); for any file (a zip), its bytes.
 */
public final class ContentHash {

    private static final long SMALL = 256 * 1024;

    private ContentHash() {
    }

    public static String of(Path path) throws IOException {
        MessageDigest digest = sha256();
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                feed(digest, path);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        for (String relative : readFiles(path)) {
            byte[] name = relative.getBytes(StandardCharsets.UTF_8);
            digest.update(name);
            digest.update((byte) 0);
            feed(digest, path.resolve(relative));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The files the grader would read, as sorted {@code /}-separated paths relative to {@code root}. */
    private static List<String> readFiles(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(root)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (attributes.isRegularFile()
                        && (relative.endsWith(".java") || relative.contains("META-INF/services/"))) {
                    files.add(relative);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // unreadable: the grader cannot read it either
            }
        });
        files.sort(null);
        return files;
    }

    private static void feed(MessageDigest digest, Path file) throws IOException {
        if (Files.size(file) <= SMALL) {
            digest.update(Files.readAllBytes(file)); // a source file: one read
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
