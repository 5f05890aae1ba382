package fearless.grader.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a submission's files are: its Java sources and, if any, its resources (the
 * {@code META-INF/services} registrations). A submission is either a project folder holding
 * {@code src/main/java} or a bare source tree.
 *
 * @param name what the user called it, for the report
 */
public record SubmissionTree(String name, Path sources, Optional<Path> resources) {

    /**
     * Resolves what the user named: {@code solutions} and {@code exercises} are the project's own
     * modules; anything else is a path.
     *
     * @throws UsageException when the path is not a submission
     */
    public static SubmissionTree resolve(String name, Path projectRoot) {
        Path dir = switch (name) {
            case "solutions", "exercises" -> projectRoot.resolve(name);
            default -> Path.of(name);
        };
        if (!Files.isDirectory(dir)) {
            throw new UsageException("no submission at " + dir.toAbsolutePath().normalize()
                    + ": give 'solutions', 'exercises', or a folder holding src/main/java");
        }
        Path maven = dir.resolve("src/main/java");
        if (Files.isDirectory(maven)) {
            Path resources = dir.resolve("src/main/resources");
            return new SubmissionTree(name, maven, Optional.of(resources).filter(Files::isDirectory));
        }
        return new SubmissionTree(name, dir, Optional.of(dir.resolve("META-INF"))
                .filter(Files::isDirectory).map(Path::getParent));
    }

    /** Every {@code .java} file, in a stable order. */
    public List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> found = files.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .sorted()
                    .collect(Collectors.toList());
            if (found.isEmpty()) {
                throw new UsageException("no .java files under " + sources.toAbsolutePath().normalize());
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
