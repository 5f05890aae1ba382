package fearless.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Requests that cannot be graded end with one clear line and a usage exit code. */
class GradeCommandTest {

    @TempDir
    Path dir;

    /** The reference solutions, as a folder: the tests run in grader/, not in the kit's root. */
    private static final String SOLUTIONS = Path.of("..", "solutions").toAbsolutePath().normalize().toString();

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void a_missing_submission_is_one_line() {
        assertEquals(Main.USAGE, run("grade", dir.resolve("missing").toString()));
        assertTrue(err.toString().startsWith("fearless: no submission at "), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void an_unknown_exercise_names_the_real_ones() {
        assertEquals(Main.USAGE, run("grade", "solutions", "--exercise", "nope"));
        assertTrue(err.toString().contains("no exercise 'nope'; the exercises are: box, drop-scope, borrows, ref-cell, rc, tree, mutex, spawn, thread-move, scoped-threads, parker, parallel, channel, sync-channel, pipeline, arc, condvar, bounded-buffer, rw-lock"), err.toString());
    }

    @Test
    void an_unknown_check_is_refused() {
        assertEquals(Main.USAGE, run("grade", SOLUTIONS, "-e", "drop-scope", "--check", "box/is_owner"));
        assertTrue(err.toString().contains("no check 'box/is_owner' in the exercises graded"), err.toString());
    }

    @Test
    void one_check_is_graded_alone() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("grade", SOLUTIONS, "--check", "drop-scope/reverse_drop_order", "--out",
                dir.resolve("reports").toString()), err.toString());
        assertTrue(out.toString().contains("drop-scope/reverse_drop_order"), out.toString());
        assertEquals(1, out.toString().lines().filter(l -> l.contains(" ok ")).count(), out.toString());
        assertTrue(out.toString().contains("Total 2/2"), out.toString());
    }

    @Test
    void an_unknown_sandbox_is_refused() {
        assertEquals(Main.USAGE, run("grade", "solutions", "--sandbox", "docker"));
        assertTrue(err.toString().contains("unknown sandbox 'docker'; the sandboxes are: auto, bwrap, none"),
                err.toString());
    }

    @Test
    void an_unknown_format_is_refused() {
        assertEquals(Main.USAGE, run("grade", "solutions", "--format", "pdf"));
        assertTrue(err.toString().contains("unknown format 'pdf'"), err.toString());
    }

    @Test
    void a_tree_without_provider_is_not_a_submission() throws Exception {
        Path src = dir.resolve("src/main/java/p");
        java.nio.file.Files.createDirectories(src);
        java.nio.file.Files.writeString(src.resolve("A.java"), "package p; class A { }");
        assertEquals(Main.USAGE, run("grade", dir.toString()));
        assertTrue(err.toString().contains("registers no provider"), err.toString());
    }
}
