package fearless.grader.engine;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a submission's files are: its Java sources and, if any, its resources (where the
 * {@code META-INF/services} registrations are). A submission is either a project folder holding
 * {@code src/main/java} or a bare source tree; a zip ({@link #zip}) is unpacked into one first.
 * What the grader actually takes from these folders is decided by {@link SubmissionIntake}.
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
                    + ": give 'solutions', 'exercises', a folder holding src/main/java, or a zip 'fearless pack' made");
        }
        return of(name, dir);
    }

    /** The file {@code name} names, when it names a file (a zip) rather than a folder. */
    public static Optional<Path> zip(String name) {
        Path path = Path.of(name);
        return name.equals("solutions") || name.equals("exercises") || !Files.isRegularFile(path) ? Optional.empty()
                : Optional.of(path);
    }

    /** The submission in {@code dir}, a folder, laid out as a project or as a bare tree. */
    static SubmissionTree of(String name, Path dir) {
        // Inside the submission nothing is followed: a linked src/main/java is not a project layout.
        Path maven = dir.resolve("src/main/java");
        if (Files.isDirectory(maven, LinkOption.NOFOLLOW_LINKS)) {
            Path resources = dir.resolve("src/main/resources");
            return new SubmissionTree(name, maven,
                    Optional.of(resources).filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)));
        }
        return new SubmissionTree(name, dir, Optional.of(dir));
    }

    /**
     * The sources as the student names them from the submission's folder ({@code src/main/java} in
     * a project, nothing in a bare tree, which holds its registrations among its sources), so that a
     * message names a file as the student's editor does, never by the grader's private copy.
     */
    public Path shownSources() {
        return resources.filter(sources::equals).isPresent() ? Path.of("") : Path.of("src", "main", "java");
    }
}
