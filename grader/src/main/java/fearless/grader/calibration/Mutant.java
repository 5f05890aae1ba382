package fearless.grader.calibration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fearless.grader.engine.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A calibration mutant, as its {@code mutant.yaml} describes it: a realistic student bug laid over
 * the reference solutions, and the checks it must trip. The bug is either replacement files under
 * the mutant's {@code src/} or {@code edits} to the solution's text; an edit's {@code find} must
 * occur exactly once, so a mutant breaks loudly when the solution moves on.
 */
public record Mutant(String exercise, String description, List<String> trips, List<Edit> edits) {

    /** Where the project keeps its calibration set, below the kit's root. */
    public static final String SET = "grader/src/test/resources/mutants";

    public Mutant {
        trips = trips == null ? List.of() : List.copyOf(trips);
        edits = edits == null ? List.of() : List.copyOf(edits);
    }

    /** One textual change to a file ({@code file} is relative to {@code src/main/java}). */
    public record Edit(String file, String find, String replace) {
    }

    /** Every folder below {@code root} (at most two levels down) that holds a {@code descriptor} file, sorted. */
    public static List<Path> dirsWith(Path root, String descriptor) {
        try (Stream<Path> walk = Files.walk(root, 2)) {
            return walk.filter(p -> Files.isRegularFile(p.resolve(descriptor))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every mutant folder of the set at {@code root} ({@code root/<exercise>/<name>}), by exercise then name. */
    public static List<Path> dirs(Path root) {
        return dirsWith(root, "mutant.yaml");
    }

    /** The mutant in {@code dir}. */
    public static Mutant read(Path dir) {
        return readYaml(dir.resolve("mutant.yaml"), Mutant.class);
    }

    /** A YAML file read into {@code type}. */
    public static <T> T readYaml(Path file, Class<T> type) {
        try {
            return new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mutant's name for reports: {@code exercise-folder/mutant-folder}. */
    public static String id(Path dir) {
        return dir.getParent().getFileName() + "/" + dir.getFileName();
    }

    /**
     * The tree {@code base} (holding {@code src/}) with the files under {@code dir/src} and the
     * {@code edits} laid over it, in the fresh folder {@code into}.
     */
    public static Path layOver(Path dir, List<Edit> edits, Path base, Path into) {
        FileTrees.copy(base.resolve("src"), into.resolve("src"), file -> true);
        if (Files.isDirectory(dir.resolve("src"))) {
            FileTrees.copy(dir.resolve("src"), into.resolve("src"), file -> true);
        }
        for (Edit edit : edits) {
            apply(edit, into.resolve("src/main/java"), dir);
        }
        return into;
    }

    /** The files a mutant changes, relative to {@code src/main/java}, with '/' separators. */
    public static List<String> changedFiles(Path dir, List<Edit> edits) {
        List<String> files = new ArrayList<>(edits.stream().map(Edit::file).toList());
        Path sources = dir.resolve("src/main/java");
        if (Files.isDirectory(sources)) {
            try (Stream<Path> walk = Files.walk(sources)) {
                walk.filter(Files::isRegularFile).forEach(p -> files.add(sources.relativize(p).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static void apply(Edit edit, Path sources, Path dir) {
        Path file = sources.resolve(edit.file());
        try {
            String text = Files.readString(file);
            int at = text.indexOf(edit.find());
            if (at < 0 || text.indexOf(edit.find(), at + 1) >= 0) {
                throw new IllegalStateException(dir + ": the text to edit must occur exactly once in " + edit.file()
                        + ": " + edit.find());
            }
            Files.writeString(file, text.substring(0, at) + edit.replace() + text.substring(at + edit.find().length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
