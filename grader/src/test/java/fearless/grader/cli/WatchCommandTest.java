package fearless.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.course.Course;
import fearless.grader.engine.Grader;
import fearless.grader.watch.SourceWatch;
import fearless.grader.watch.Watcher;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fearless watch}: requests it refuses, and the real grader behind it on a real folder. */
class WatchCommandTest {

    /** The reference solutions, as a folder: the tests run in grader/, not in the kit's root. */
    private static final Path SOLUTIONS = Path.of("..", "solutions").toAbsolutePath().normalize();

    /** Generous: grading one exercise takes seconds, and the project's tests run on loaded machines. */
    private static final Duration REPORT_WITHIN = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final Terminal terminal = new Terminal();
    private final StringWriter err = terminal.err;
    private final StringWriter out = terminal.out;

    @Test
    void a_missing_submission_is_one_line() {
        assertEquals(Main.USAGE, terminal.run("watch", dir.resolve("missing").toString()));
        assertTrue(err.toString().startsWith("fearless: no submission at "), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void two_words_that_name_no_exercise_are_refused() {
        assertEquals(Main.USAGE, terminal.run("watch", SOLUTIONS.toString(), "nope"));
        assertTrue(err.toString().contains("nor 'nope' is an exercise; the exercises are: box, drop-scope, borrows, ref-cell, rc, tree, mutex, spawn, thread-move, scoped-threads, parker, parallel, channel, sync-channel, pipeline, arc, condvar, bounded-buffer, rw-lock"),
                err.toString());
    }

    @Test
    void two_exercises_are_refused() {
        assertEquals(Main.USAGE, terminal.run("watch", "box", "mutex"));
        assertTrue(err.toString().contains("watch starts at one exercise, not at both 'box' and 'mutex'"),
                err.toString());
    }

    @Test
    void an_unknown_sandbox_is_refused() {
        assertEquals(Main.USAGE, terminal.run("watch", "--sandbox", "docker"));
        assertTrue(err.toString().contains("unknown sandbox 'docker'"), err.toString());
    }

    /**
     * The real grader on a copy of the solutions: the first report, then a save that breaks the
     * exercise, then its second report, which says so (first, before the report: the compiler's verdict).
     */
    @Test
    void a_save_brings_a_second_report() throws Exception {
        Path copy = dir.resolve("submission");
        copyTree(SOLUTIONS.resolve("src/main"), copy.resolve("src/main"));
        Course course = Course.load();
        Course dropScopeOnly = new Course(course.title(), List.of(new Course.Topic("ownership", "Ownership",
                "course-notes/01-ownership.md", List.of(course.exercise("drop-scope").orElseThrow()))));
        Watcher.Grading grading = WatchCommand.grading(new Grader(course, javaExecutable()), copy.toString(),
                SOLUTIONS.getParent(), 42, "auto");
        StringWriter text = new StringWriter();
        List<Path> folders = List.of(copy.resolve("src/main/java"), copy.resolve("src/main/resources"));
        try (SourceWatch saves = new SourceWatch(folders)) {
            CompletableFuture<Void> watching = CompletableFuture.runAsync(() -> {
                try {
                    new Watcher(dropScopeOnly, grading, saves, new PrintWriter(text, true))
                            .run(Optional.of("drop-scope"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await(text, t -> t.contains("the course is done"));
            assertTrue(text.toString().contains("Total 25/25"), text.toString());
            Path scope = copy.resolve("src/main/java/fearless/solutions/dropscope/Scope.java");
            Files.writeString(scope, Files.readString(scope) + "\nbroken;\n");
            await(text, t -> t.contains("Total 0/25"));
            saves.close();
            watching.get(REPORT_WITHIN.toSeconds(), TimeUnit.SECONDS);
        }
        String said = text.toString();
        assertTrue(said.contains("[watch] grading drop-scope: Scopes and drop order"
                + "  (saved fearless/solutions/dropscope/Scope.java)"), said);
        assertTrue(said.indexOf("[watch] drop-scope does not compile: fearless/solutions/dropscope/Scope.java:")
                < said.indexOf("Total 0/25"), said);
    }

    /** The end of the input stops the watch, and the grading under way with it, leaving no child behind. */
    @Test
    void the_end_of_input_stops_the_watch() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        CommandLine cli = new CommandLine(new WatchCommand(new PipedInputStream(keys)));
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        long childrenBefore = ProcessHandle.current().descendants().count();
        CompletableFuture<Integer> watching = CompletableFuture.supplyAsync(() ->
                cli.execute(SOLUTIONS.toString(), "drop-scope", "--sandbox", "none", "--out",
                        dir.resolve("reports").toString()));
        await(out, t -> t.contains("[watch] grading borrows"));
        keys.close();
        assertEquals(0, watching.get(REPORT_WITHIN.toSeconds(), TimeUnit.SECONDS), err.toString());
        assertTrue(out.toString().endsWith("[watch] stopped\n"), out.toString());
        // Each report is saved as grade saves its own: the terminal's cuts point there, list reads it.
        assertTrue(Files.readString(dir.resolve("reports/report.txt")).contains("drop-scope/reverse_drop_order"));
        assertTrue(Files.readString(dir.resolve("reports/progress.json")).contains("\"drop-scope\""));
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos(); // killed, but maybe not yet reaped
        while (ProcessHandle.current().descendants().count() > childrenBefore && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertEquals(childrenBefore, ProcessHandle.current().descendants().count(), "a child outlived the watch");
    }

    private static void await(StringWriter text, Predicate<String> done) throws InterruptedException {
        long end = System.nanoTime() + REPORT_WITHIN.toNanos();
        while (!done.test(text.toString())) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not seen within " + REPORT_WITHIN.toSeconds() + " s:\n" + text);
            }
            Thread.sleep(50);
        }
    }

    private static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
