package fearless.grader.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.report.CheckResult;
import fearless.grader.report.GradeReport;
import fearless.grader.report.JsonReport;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fearless pack} zips what the grader would read, the same bytes every time, says what it
 * left out, and {@code fearless grade} gives the zip the score it gives the folder. To accept an
 * intended change of the printed text, run with {@code -Dgolden.update=true} and review the diff.
 */
class PackCommandTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/pack.txt");

    /** The reference solutions, as a folder: the tests run in grader/, not in the kit's root. */
    private static final String SOLUTIONS = Path.of("..", "solutions").toAbsolutePath().normalize().toString();

    @TempDir
    Path dir;

    private final Terminal terminal = new Terminal();
    private final StringWriter out = terminal.out;
    private final StringWriter err = terminal.err;

    @Test
    void pack_prints_what_it_packed_and_what_it_left_out() throws IOException {
        Path tree = tree();
        assertEquals(0, terminal.run("pack", tree.toString(), "--out", dir.resolve("out/submission.zip").toString()),
                err.toString());
        String printed = out.toString().replace(dir.toString(), "<dir>");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, printed);
        }
        assertEquals(Files.readString(GOLDEN), printed, "differs from " + GOLDEN);
        try (ZipFile zip = new ZipFile(dir.resolve("out/submission.zip").toFile())) {
            assertEquals(List.of("fearless-pack.json", "src/main/java/fearless/exercises/box/OwnedBox.java",
                    "src/main/java/fearless/exercises/box/OwnedBoxes.java",
                    "src/main/resources/META-INF/services/fearless.api.ownership.BoxProvider"),
                    zip.stream().map(ZipEntry::getName).toList());
            assertEquals("fearless.exercises.box.OwnedBoxes\n", new String(zip.getInputStream(zip.getEntry(
                    "src/main/resources/META-INF/services/fearless.api.ownership.BoxProvider")).readAllBytes(),
                    StandardCharsets.UTF_8), "the registration as the grader reads it");
        }
    }

    @Test
    void the_same_sources_give_the_same_bytes() throws IOException {
        Path tree = tree();
        Path first = dir.resolve("first.zip");
        Path second = dir.resolve("second.zip");
        assertEquals(0, terminal.run("pack", tree.toString(), "--out", first.toString()), err.toString());
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 86_400_000L));
            }
        }
        assertEquals(0, terminal.run("pack", tree.toString(), "--out", second.toString()), err.toString());
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void a_pack_grades_as_its_folder() throws IOException {
        Path zip = dir.resolve("fearless-submission.zip");
        assertEquals(0, terminal.run("pack", SOLUTIONS, "--out", zip.toString()), err.toString());
        GradeReport packed = grade(zip.toString(), "packed");
        GradeReport folder = grade(SOLUTIONS, "folder");

        assertEquals(zip.toString(), packed.submission());
        assertEquals(List.of(), packed.refused());
        assertEquals(folder.maxScore(), packed.score(), "the pack lost points: " + packed);
        assertEquals(folder.score(), packed.score());
        assertEquals(statuses(folder), statuses(packed));
        assertEquals(5, statuses(packed).size());
    }

    @Test
    void nothing_to_pack_is_one_line() throws IOException {
        assertEquals(Main.USAGE, terminal.run("pack", dir.resolve("missing").toString()));
        assertTrue(err.toString().startsWith("fearless: no submission at "), err.toString());
        Files.writeString(dir.resolve("module-info.java"), "module m { }");
        assertEquals(Main.USAGE, terminal.run("pack", dir.toString(), "--out", dir.resolve("x.zip").toString()));
        assertTrue(err.toString().contains("nothing to pack in " + dir + ": module-info.java: a submission is not a"
                + " module"), err.toString());
        assertEquals(2, err.toString().lines().count(), err.toString());
    }

    @Test
    void a_file_that_is_not_a_zip_is_one_line() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.zip"), "not a zip");
        assertEquals(Main.USAGE, terminal.run("grade", text.toString()));
        assertTrue(err.toString().startsWith("fearless: " + text + " is not a zip the grader can read"), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    /**
     * The box's checks that do not depend on scheduling (the race checks' verdicts are the same
     * either way, but on a loaded machine their time is not this test's subject): the sources,
     * the registration, the structure rules and the model all go through the pack.
     */
    private static final String BOX_CHECKS = "box/ownership_model,box/owning_state_is_private,"
            + "box/move_transfers_ownership,box/close_drops_exactly_once,box/clone_is_independent";

    private GradeReport grade(String submission, String reports) throws IOException {
        Path folder = dir.resolve(reports);
        assertEquals(0, terminal.run("grade", submission, "-e", "box", "--check", BOX_CHECKS, "--format", "json", "--out",
                folder.toString()), err.toString());
        return JsonReport.parse(Files.readString(folder.resolve("report.json")));
    }

    private static Map<String, String> statuses(GradeReport report) {
        return report.exercises().stream().flatMap(e -> e.checks().stream())
                .collect(Collectors.toMap(CheckResult::id, c -> c.status().id()));
    }

    /**
     * A student's project: two sources and a registration, and what the grader never reads: a
     * class file, a test-engine setting, a module descriptor and a link out of the tree.
     */
    private Path tree() throws IOException {
        Path tree = dir.resolve("tree");
        Path box = tree.resolve("src/main/java/fearless/exercises/box");
        write(box.resolve("OwnedBox.java"), "package fearless.exercises.box;\n\nfinal class OwnedBox { }\n");
        write(box.resolve("OwnedBoxes.java"), "package fearless.exercises.box;\n\npublic final class OwnedBoxes { }\n");
        write(box.resolve("OwnedBox.class"), "\u00ca\u00fe\u00ba\u00be");
        write(tree.resolve("src/main/java/module-info.java"), "module fearless.exercises { }\n");
        write(tree.resolve("src/main/resources/junit-platform.properties"), "junit.jupiter.extensions.autodetection.enabled=true\n");
        write(tree.resolve("src/main/resources/META-INF/services/fearless.api.ownership.BoxProvider"),
                "# the box\nfearless.exercises.box.OwnedBoxes\n");
        Path outside = write(dir.resolve("outside/Secret.java"), "class Secret { }\n");
        Files.createSymbolicLink(box.resolve("Secret.java"), outside);
        return tree;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
