package fearless.grader.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@value ExerciseScaffold#TODO} markers still in the project, where the scaffold writes them:
 * what an author has not written yet, as {@code file:line: text}, so a test can name each one.
 */
public final class Leftovers {

    /** The files and folders, below the project's root, that the scaffold writes into. */
    static final List<String> SCANNED = List.of("api/src/main", "exercises/src/main", "solutions/src/main",
            "grader/src/main/java/fearless/grader/checks", ExerciseScaffold.MANIFEST, ExerciseScaffold.PROMISES,
            "grader/src/test/resources/mutants");

    private Leftovers() {
    }

    /** Every marker left below {@code root}, as {@code path:line: text}, in file order. */
    public static List<String> in(Path root) {
        List<String> found = new ArrayList<>();
        for (Path file : files(root)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(ExerciseScaffold.TODO)) {
                    found.add(root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1) + ": "
                            + lines.get(i).strip());
                }
            }
        }
        return found;
    }

    /** The scanned files, and the lessons ({@code course-notes/NN-*.md}; not this guide, which names the marker). */
    private static List<Path> files(Path root) {
        List<Path> files = new ArrayList<>();
        for (String scanned : SCANNED) {
            files.addAll(walk(root.resolve(scanned)));
        }
        walk(root.resolve(ExerciseScaffold.NOTES)).stream()
                .filter(p -> p.getFileName().toString().matches("\\d+-.*\\.md"))
                .forEach(files::add);
        return files;
    }

    private static List<Path> walk(Path start) {
        if (!Files.exists(start)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
