package fearless.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Copying and deleting whole folders: the submission's resources, the grader's temp folders. */
public final class FileTrees {

    private FileTrees() {
    }

    /** Copies the files under {@code from} that {@code keep} accepts to the same places under {@code to}. */
    public static void copy(Path from, Path to, Predicate<Path> keep) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p) && keep.test(p)) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes {@code dir} and everything in it, if it exists. */
    public static void delete(Path dir) {
        deleteBelow(dir, true);
    }

    /**
     * Deletes everything in {@code dir} but the folder itself, which a sandbox may have mounted:
     * a new folder in its place would not be the one the sandbox sees.
     */
    public static void empty(Path dir) {
        deleteBelow(dir, false);
    }

    private static void deleteBelow(Path dir, boolean itself) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : deepestFirst) {
                if (itself || !p.equals(dir)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
