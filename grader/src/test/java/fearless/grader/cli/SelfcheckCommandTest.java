package fearless.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.engine.FileTrees;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The selfcheck's verdict is its exit code: 0 for a sound kit, 1 when a fixture fails, 2 for a
 * request it does not understand. Narrowed to drop-scope, the cheapest exercise, to stay quick.
 */
class SelfcheckCommandTest {

    /** The kit's root: the tests run in grader/. */
    private static final Path KIT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final Terminal terminal = new Terminal();
    private final StringWriter out = terminal.out;
    private final StringWriter err = terminal.err;

    @Test
    void a_sound_kit_narrowed_to_one_mutant_passes() {
        assertEquals(0, terminal.run("selfcheck", "--project", KIT.toString(), "--exercise", "drop-scope", "--seeds", "1",
                "--mutant", "own-twice-accepted"), out + "\n" + err);
        String text = out.toString();
        assertTrue(text.contains("stubs: ok, "), text);
        assertTrue(text.contains("solutions seed 42: ok, "), text);
        assertTrue(text.contains("mutant drop-scope/own-twice-accepted: ok, "), text);
        assertTrue(text.contains("\nfixture "), "no table: " + text);
        assertTrue(text.contains("sound: all 3 fixtures hold; "), text);
    }

    @Test
    void a_mutant_no_check_catches_fails_the_kit() throws Exception {
        Path kit = dir.resolve("kit");
        FileTrees.copy(KIT.resolve("exercises"), kit.resolve("exercises"), file -> true);
        FileTrees.copy(KIT.resolve("solutions"), kit.resolve("solutions"), file -> true);
        Path mutant = kit.resolve("grader/src/test/resources/mutants/drop-scope/changes-nothing");
        Files.createDirectories(mutant);
        Files.writeString(mutant.resolve("mutant.yaml"), """
                exercise: drop-scope
                description: "The solution itself: no check can catch it."
                trips:
                  - drop-scope/reverse_drop_order
                """);

        assertEquals(SelfcheckCommand.NOT_SOUND, terminal.run("selfcheck", "--project", kit.toString(), "--exercise",
                "drop-scope", "--seeds", "1"), out + "\n" + err);
        String text = out.toString();
        assertTrue(text.contains("mutant drop-scope/changes-nothing: FAILED, "), text);
        assertTrue(text.contains("drop-scope/reverse_drop_order missed it"), text);
        assertTrue(text.contains("NOT SOUND: 1 of 3 fixtures failed (mutant drop-scope/changes-nothing); "), text);
        assertTrue(err.toString().contains("is not a git checkout"), "no warning that the stubs are the working tree: "
                + err);
    }

    @Test
    void a_mutant_filter_that_matches_nothing_is_refused() {
        assertEquals(Main.USAGE, terminal.run("selfcheck", "--project", KIT.toString(), "--mutant", "no-such-mutant"));
        assertTrue(err.toString().startsWith("fearless: no mutant matches 'no-such-mutant'; the mutants are: arc/"),
                err.toString());
    }

    @Test
    void an_unknown_exercise_or_a_count_below_one_is_refused() {
        assertEquals(Main.USAGE, terminal.run("selfcheck", "--exercise", "nope"));
        assertTrue(err.toString().contains("no exercise 'nope'; the exercises are: box, drop-scope, borrows, ref-cell, rc, tree, mutex, spawn, thread-move, scoped-threads, parker, parallel, channel, sync-channel, pipeline, arc, condvar, bounded-buffer, rw-lock"), err.toString());
        assertEquals(Main.USAGE, terminal.run("selfcheck", "--seeds", "0"));
        assertTrue(err.toString().contains("--seeds and --jobs must be at least 1"), err.toString());
    }

    @Test
    void a_kit_without_a_calibration_set_is_refused() {
        assertEquals(Main.USAGE, terminal.run("selfcheck", "--project", dir.toString()));
        assertTrue(err.toString().contains("no calibration set at "), err.toString());
    }
}
