package fearless.grader.calibration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fearless.grader.course.Course;
import fearless.grader.engine.FileTrees;
import fearless.grader.engine.Grader;
import fearless.grader.report.CheckResult;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GradeReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's proof that the checks work: grade the reference solutions, the stubs and the
 * mutants with the real engine, exactly as a student's submission is graded.
 */
final class Calibration {

    /** The kit's root: the grader module's tests run in {@code grader/}. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static final Path MUTANTS = Path.of("src/test/resources/mutants").toAbsolutePath();

    static final Course COURSE = Course.load();

    private Calibration() {
    }

    static GradeReport grade(String submission, long seed, List<String> exercises) {
        return grade(new Grader.Request(submission, ROOT, exercises, seed));
    }

    static GradeReport grade(Grader.Request request) {
        try {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            return new Grader(COURSE, java).grade(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A mutant as its {@code mutant.yaml} describes it: the bug, the checks it must trip, and
     * either replacement files under {@code src/} or {@code edits} to the solution's text.
     */
    record Mutant(String exercise, String description, List<String> trips, List<Edit> edits) {
        Mutant {
            trips = trips == null ? List.of() : List.copyOf(trips);
            edits = edits == null ? List.of() : List.copyOf(edits);
        }
    }

    /**
     * One textual change to a solution file ({@code file} is relative to {@code src/main/java}).
     * {@code find} must occur exactly once, so a mutant breaks loudly when the solution moves on.
     */
    record Edit(String file, String find, String replace) {
    }

    /** Every mutant folder, by exercise then name. */
    static List<Path> mutantDirs() {
        return dirsWith(MUTANTS, "mutant.yaml");
    }

    /**
     * Keeps the folders whose name contains one of the comma-separated texts in the system property
     * {@code property}, if set: {@code mvn test -Dtest=AttackFixtureTest -Dattack=thread-bomb,halt}.
     */
    static java.util.function.Predicate<Path> only(String property) {
        String wanted = System.getProperty(property);
        return dir -> wanted == null
                || java.util.Arrays.stream(wanted.split(",")).anyMatch(w -> dir.getFileName().toString().contains(w));
    }

    static List<Path> dirsWith(Path root, String descriptor) {
        try (Stream<Path> walk = Files.walk(root, 2)) {
            return walk.filter(p -> Files.isRegularFile(p.resolve(descriptor))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Mutant read(Path mutantDir) {
        return readYaml(mutantDir.resolve("mutant.yaml"), Mutant.class);
    }

    static <T> T readYaml(Path file, Class<T> type) {
        try {
            return new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference solutions with the mutant's files and edits laid over them, in a fresh folder. */
    static Path overlay(Path mutantDir, List<Edit> edits, Path into) {
        return overlay(mutantDir, edits, into, "solutions");
    }

    /** The same over another of the project's trees ({@code solutions} or {@code exercises}). */
    static Path overlay(Path mutantDir, List<Edit> edits, Path into, String base) {
        copy(ROOT.resolve(base).resolve("src"), into.resolve("src"));
        if (Files.isDirectory(mutantDir.resolve("src"))) {
            copy(mutantDir.resolve("src"), into.resolve("src"));
        }
        for (Edit edit : edits) {
            apply(edit, into.resolve("src/main/java"), mutantDir);
        }
        return into;
    }

    /** The files a mutant or attack changes, relative to {@code src/main/java}, with '/' separators. */
    static List<String> changedFiles(Path dir, List<Edit> edits) {
        List<String> files = new java.util.ArrayList<>(edits.stream().map(Edit::file).toList());
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

    private static void apply(Edit edit, Path sources, Path mutantDir) {
        Path file = sources.resolve(edit.file());
        try {
            String text = Files.readString(file);
            int at = text.indexOf(edit.find());
            if (at < 0 || text.indexOf(edit.find(), at + 1) >= 0) {
                throw new AssertionError(mutantDir + ": the text to edit must occur exactly once in " + edit.file()
                        + ": " + edit.find());
            }
            Files.writeString(file, text.substring(0, at) + edit.replace() + text.substring(at + edit.find().length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        FileTrees.copy(from, to, file -> true);
    }

    /** Every check of a report, for assertions. */
    static Stream<CheckResult> checks(GradeReport report) {
        return report.exercises().stream().map(ExerciseResult::checks).flatMap(List::stream);
    }

    /** A failure's text for an assertion message: which checks ended how. */
    static String summary(GradeReport report) {
        StringBuilder text = new StringBuilder();
        checks(report).filter(c -> !c.passed()).forEach(c -> text.append("\n  ").append(c.id()).append(' ')
                .append(c.status().id()).append(": ").append(c.message().lines().findFirst().orElse("")));
        return text.toString();
    }
}
