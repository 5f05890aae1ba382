package fearless.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /** The stubs as committed, as a folder: they score zero. */
    private static final String STUBS = Path.of("..", "exercises").toAbsolutePath().normalize().toString();

    private int grade(Map<String, String> env, String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        ((GradeCommand) cli.getSubcommands().get("grade").getCommand()).env = env;
        return cli.execute(args);
    }

    private final StringWriter out = new StringWriter();

    @Test
    void each_chosen_format_writes_its_file() throws Exception {
        Path reports = dir.resolve("reports");
        Path summary = dir.resolve("step-summary.md");
        Path output = dir.resolve("step-output");
        assertEquals(0, grade(Map.of("GITHUB_STEP_SUMMARY", summary.toString(), "GITHUB_OUTPUT", output.toString(),
                        "GITHUB_WORKSPACE", dir.toString()), "grade", SOLUTIONS, "--check",
                "drop-scope/reverse_drop_order", "--format", "gradescope,github,junit", "--out", reports.toString()),
                err.toString());
        for (String file : List.of("report.txt", "report.json", "results.json", "summary.md", "junit.xml")) {
            assertTrue(Files.isRegularFile(reports.resolve(file)), file);
        }
        assertTrue(Files.readString(reports.resolve("results.json")).contains("\"score\" : 2"));
        assertTrue(Files.readString(reports.resolve("junit.xml")).contains("name=\"reverse_drop_order\""));
        assertEquals(Files.readString(reports.resolve("summary.md")), Files.readString(summary));
        assertTrue(Files.readString(output).startsWith("result="));
        assertTrue(out.toString().contains("Points 2/2\n"), out.toString());
    }

    @Test
    void fail_under_exits_1_below_the_threshold() {
        assertEquals(1, grade(Map.of(), "grade", STUBS, "--check", "drop-scope/reverse_drop_order", "--format", "json",
                "--fail-under", "50", "--out", dir.resolve("r").toString()), err.toString());
        assertTrue(err.toString().contains("0/2 points (0.0%) is below --fail-under 50%"), err.toString());
    }

    @Test
    void fail_under_exits_0_at_the_threshold() {
        assertEquals(0, grade(Map.of(), "grade", SOLUTIONS, "--check", "drop-scope/reverse_drop_order", "--format",
                "json", "--fail-under", "100", "--out", dir.resolve("r").toString()), err.toString());
    }

    @Test
    void fail_under_refuses_a_value_that_is_no_percentage() {
        assertEquals(Main.USAGE, run("grade", "solutions", "--fail-under", "150"));
        assertTrue(err.toString().contains("--fail-under takes a percentage from 0 to 100, not 150"), err.toString());
        assertEquals(Main.USAGE, run("grade", "solutions", "--fail-under", "half"));
    }
}
