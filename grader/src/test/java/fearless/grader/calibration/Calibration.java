package fearless.grader.calibration;

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

    private static Path stubs;

    private Calibration() {
    }

    /**
     * The stubs as committed, copied once per test run: {@code exercises/} is the student's
     * workspace, and a student's work there must not break the project's tests.
     */
    static synchronized Path stubs() {
        if (stubs == null) {
            try {
                Path copy = Files.createTempDirectory("fearless-stubs-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.delete(copy)));
                stubs = CommittedStubs.copy(ROOT, copy, System.out::println);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stubs;
    }

    /** One of the project's trees as a fixture: {@code solutions}, or {@code exercises} meaning the committed stubs. */
    static Path tree(String base) {
        return base.equals("exercises") ? stubs() : ROOT.resolve(base);
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

    /** Every mutant folder, by exercise then name. */
    static List<Path> mutantDirs() {
        return Mutant.dirs(MUTANTS);
    }

    /**
     * The fixtures whose name contains one of the comma-separated texts in the system property
     * {@code property}, if set: {@code mvn test -Dtest=AttackFixtureTest -Dattack=thread-bomb,halt}.
     * A text that matches nothing fails the run, naming the fixtures there are.
     */
    static <T> List<T> only(String property, List<T> fixtures, java.util.function.Function<T, String> name) {
        return FixtureFilter.of(property, System.getProperty(property)).apply(fixtures, name);
    }

    static List<Path> dirsWith(Path root, String descriptor) {
        return Mutant.dirsWith(root, descriptor);
    }

    static Mutant read(Path mutantDir) {
        return Mutant.read(mutantDir);
    }

    static <T> T readYaml(Path file, Class<T> type) {
        return Mutant.readYaml(file, type);
    }

    /** The reference solutions with the mutant's files and edits laid over them, in a fresh folder. */
    static Path overlay(Path mutantDir, List<Mutant.Edit> edits, Path into) {
        return overlay(mutantDir, edits, into, "solutions");
    }

    /** The same over another of the project's trees ({@code solutions} or {@code exercises}, the committed stubs). */
    static Path overlay(Path mutantDir, List<Mutant.Edit> edits, Path into, String base) {
        return Mutant.layOver(mutantDir, edits, tree(base), into);
    }

    /** The files a mutant or attack changes, relative to {@code src/main/java}, with '/' separators. */
    static List<String> changedFiles(Path dir, List<Mutant.Edit> edits) {
        return Mutant.changedFiles(dir, edits);
    }

    /** A fixture's body, throwing what a test may throw. */
    @FunctionalInterface
    interface Fixture {
        void run() throws Exception;
    }

    /**
     * Runs one fixture and prints a line when it ends ({@code [fearless] mutant 12/70 box/x: ok, 3.1 s}):
     * the calibration suite takes minutes, and Surefire reports only when a whole class ends.
     */
    static void withProgress(String kind, int index, int total, String name, Fixture body) throws Exception {
        long start = System.nanoTime();
        String outcome = "FAILED";
        try {
            body.run();
            outcome = "ok";
        } catch (org.opentest4j.TestAbortedException skipped) {
            outcome = "skipped";
            throw skipped;
        } finally {
            System.out.printf(java.util.Locale.ROOT, "[fearless] %s %d/%d %s: %s, %.1f s%n", kind, index, total, name,
                    outcome, (System.nanoTime() - start) / 1e9);
        }
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
