package fearless.grader.batch;

import fearless.grader.engine.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The folder a class hands in: each direct child is one submission, a folder (sources, a project
 * holding {@code src/main/java}, or a git repository's working tree) or a {@code .zip}. Names
 * starting with a dot ({@code .git}, {@code .DS_Store}) are not submissions and are passed over;
 * anything else (a plain file, a link) is kept as an entry the batch records but does not grade.
 * Sorted by name, so every run and every shard sees the same order.
 */
public final class ClassFolder {

    /** What an entry of the folder is. */
    public enum Kind { FOLDER, ZIP, OTHER }

    /**
     * One entry.
     *
     * @param source its file name in the class folder ({@code alice}, {@code bob.zip})
     */
    public record Entry(String source, Path path, Kind kind) {

        /** The student id the entry names by itself: the folder's name, or the zip's without {@code .zip}. */
        public String ownId() {
            return kind == Kind.ZIP ? source.substring(0, source.length() - ".zip".length()) : source;
        }
    }

    private ClassFolder() {
    }

    /** The entries of {@code dir}, sorted by name. */
    public static List<Entry> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("no class folder at " + dir.toAbsolutePath().normalize()
                    + ": give a folder holding one folder or zip per submission");
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                String name = child.getFileName().toString();
                if (!name.startsWith(".")) {
                    entries.add(new Entry(name, child.toAbsolutePath().normalize(), kind(child, name)));
                }
            }
        }
        return entries;
    }

    private static Kind kind(Path child, String name) {
        if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
            return Kind.FOLDER;
        }
        boolean zip = name.toLowerCase(Locale.ROOT).endsWith(".zip") && name.length() > ".zip".length();
        return zip && Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS) ? Kind.ZIP : Kind.OTHER;
    }
}
