package fearless.grader.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import fearless.grader.engine.Grader;
import fearless.grader.engine.RawZip;
import fearless.grader.engine.SubmissionPack;
import fearless.grader.engine.SubmissionTree;
import fearless.grader.engine.UsageException;
import fearless.grader.report.CheckResult;
import fearless.grader.report.ConsoleReport;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GradeReport;
import fearless.grader.report.JsonReport;
import fearless.grader.report.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or broken submissions: each fixture is the reference solution (or the stubs) with one
 * attack laid over it. Whatever the attack, grading ends in bounded time, the attacked exercise's
 * checks get the expected verdicts, another exercise graded in the same run gets exactly the
 * solutions' verdicts, the reports are written, the console shows no raw control character, and
 * nothing the attack aimed at happened: no file it meant to write exists, no process it started
 * is left, and the secret it tried to read (a file beside the tree, an environment variable of
 * the grader) appears in no report.
 */
class AttackFixtureTest {

    static final Path ATTACKS = Path.of("src/test/resources/attacks").toAbsolutePath();

    /** What the fixture secrets hold: the grader's environment variable and a file outside every tree. */
    static final String SECRET = "fearless-fixture-secret-4b1d";

    /** A file outside every tree, holding {@link #SECRET}, that attacks try to read ({@code ${secret}} in links). */
    static final String SECRET_FILE = "/tmp/fearless-fixture-secret.txt";

    /** The environment variable Surefire gives the grader, holding {@link #SECRET}. */
    static final String SECRET_VARIABLE = "FEARLESS_FIXTURE_SECRET";

    /**
     * An attack as its {@code attack.yaml} describes it.
     *
     * @param base the tree the attack is laid over: {@code solutions} (default) or {@code exercises} (the
     *             stubs as committed)
     * @param verdicts statuses the attacked checks may end with; at least one check must get one.
     *                 Empty: the attack must be harmless (the base tree's own verdicts)
     * @param feedback text that must appear in some attacked check's feedback (or null)
     * @param maxSeconds the bound on the whole grading run
     * @param scan false to switch the bytecode scan off and prove the other layers alone
     * @param sandbox the sandbox to grade in ({@code bwrap}, {@code none}, or {@code auto}: the one
     *                the system property {@code fearless.fixture.sandbox} names, else the
     *                grader's choice); a fixture that needs bubblewrap is skipped where it does not run
     * @param violation text the scan must report for the attacked exercise (or null)
     * @param violations more texts the scan must report, each
     * @param refused text that must appear among the files the grader refused to read (or null)
     * @param absentFile a path the attack must not create (relative to the grader's working folder)
     * @param lingering text in the command line of a process the attack starts: none may be left
     * @param listen a loopback port the test listens on while grading: no connection may arrive
     * @param everyExercise the attack sits outside every exercise, so every exercise is attacked
     * @param bystander the exercise graded beside the attacked one (default: the cheapest other)
     * @param links symbolic links to create in the tree; {@code ${secret}} names the secret file
     * @param prebuilt classes compiled from the fixture's own {@code prebuilt/} sources (with the
     *                 grader's class path) and laid into the tree as class files
     * @param zip when not empty, the tree is handed in as a zip: what {@code fearless pack} puts in
     *            it, then these entries
     */
    record Attack(String exercise, String description, String base, List<String> verdicts, String feedback,
                  boolean compileError, int maxSeconds, Boolean scan, String sandbox, String violation,
                  List<String> violations, String refused, String absentFile, String lingering, Integer listen,
                  boolean everyExercise, String bystander, List<Link> links, List<Prebuilt> prebuilt,
                  List<Mutant.Edit> edits, List<ZipEntry> zip) {
        Attack {
            base = base == null ? "solutions" : base;
            verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
            violations = violations == null ? List.of() : List.copyOf(violations);
            links = links == null ? List.of() : List.copyOf(links);
            prebuilt = prebuilt == null ? List.of() : List.copyOf(prebuilt);
            edits = edits == null ? List.of() : List.copyOf(edits);
            zip = zip == null ? List.of() : List.copyOf(zip);
            scan = scan == null || scan;
            sandbox = sandbox == null ? "auto" : sandbox;
        }
    }

    /** A symbolic link at {@code path} (relative to the tree) pointing at {@code target}. */
    record Link(String path, String target) {
    }

    /**
     * An entry added to the zip a tree is handed in as, written as given (any name), holding
     * {@code text} ({@code ${secret}} names the secret file), marked as a symbolic link if {@code link}.
     */
    record ZipEntry(String name, String text, boolean link) {
    }

    /**
     * A class compiled from {@code prebuilt/<source>} of the fixture, or from the project's file
     * {@code copyOf} moved into the package of {@code className}, laid at {@code to} in the tree.
     */
    record Prebuilt(String source, String copyOf, String className, String to) {
    }

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> each_attack_is_contained() {
        List<Path> dirs = Calibration.only("attack", Calibration.dirsWith(ATTACKS, "attack.yaml"),
                dir -> dir.getFileName().toString());
        return dirs.stream().map(dir -> dynamicTest(dir.getFileName().toString(), () -> Calibration.withProgress(
                "attack", dirs.indexOf(dir) + 1, dirs.size(), dir.getFileName().toString(), () -> contain(dir))));
    }

    /**
     * A base tree's verdicts on this JVM, per seed-42 run: what an unattacked exercise must get
     * again. (On a JVM where the race checker is inactive, race checks are errors there too.)
     */
    private static final Map<String, Map<String, Status>> BASELINES = new HashMap<>();

    private static synchronized Map<String, Status> baseline(String base) {
        return BASELINES.computeIfAbsent(base, b -> Calibration.checks(Calibration.grade(Calibration.tree(b).toString(), 42, List.of()))
                .collect(Collectors.toMap(CheckResult::id, CheckResult::status)));
    }

    private static void assertSameAs(String base, ExerciseResult exercise, String message) {
        for (CheckResult check : exercise.checks()) {
            assertEquals(baseline(base).get(check.id()), check.status(), message + ": " + check.id() + " "
                    + check.message().lines().findFirst().orElse(""));
        }
    }

    private void contain(Path dir) throws IOException {
        Attack attack = Calibration.readYaml(dir.resolve("attack.yaml"), Attack.class);
        // A fixture that leaves the sandbox to the grader runs in the one this test run asks for
        // (CI runs the suite once in each), else in the one it names.
        String sandbox = attack.sandbox().equals("auto") ? System.getProperty("fearless.fixture.sandbox", "auto")
                : attack.sandbox();
        Path tree = Calibration.overlay(dir, attack.edits(), work.resolve(dir.getFileName()), attack.base());
        Path secretFile = Path.of(SECRET_FILE);
        Files.writeString(secretFile, SECRET);
        secretFile.toFile().deleteOnExit();
        for (Link link : attack.links()) {
            Path at = tree.resolve(link.path());
            Files.createDirectories(at.getParent());
            Files.deleteIfExists(at);
            Files.createSymbolicLink(at, Path.of(link.target().replace("${secret}", secretFile.toString())));
        }
        for (Prebuilt prebuilt : attack.prebuilt()) {
            lay(source(dir, prebuilt), prebuilt, tree);
        }
        String bystander = attack.bystander() != null ? attack.bystander() : Stream.of("drop-scope", "box")
                .filter(id -> !id.equals(attack.exercise())).findFirst().orElseThrow();
        long start = System.nanoTime();
        String submission = attack.zip().isEmpty() ? tree.toString()
                : zip(tree, attack.zip(), work.resolve(dir.getFileName() + ".zip")).toString();
        Grader.Request request = new Grader.Request(submission, Calibration.ROOT,
                List.of(attack.exercise(), bystander), 42, attack.scan(), sandbox);
        GradeReport report;
        try (ServerSocket listener = attack.listen() == null ? null
                : new ServerSocket(attack.listen(), 50, InetAddress.getLoopbackAddress())) {
            report = Calibration.grade(request);
            if (listener != null) {
                listener.setSoTimeout(500);
                try (Socket connected = listener.accept()) {
                    throw new AssertionError("the attack connected to " + connected.getLocalSocketAddress());
                } catch (SocketTimeoutException nobody) {
                    // As it must be: no connection reached the grader's machine.
                }
            }
        } catch (UsageException refused) {
            // A fixture that needs bubblewrap is skipped where it does not run; any other refusal fails it.
            assumeTrue(!(sandbox.equals("bwrap") && refused.getMessage().startsWith("--sandbox bwrap")),
                    refused.getMessage());
            throw refused;
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds <= attack.maxSeconds(), dir.getFileName() + " took " + seconds + " s");

        String console = new ConsoleReport().render(report);
        if (Boolean.getBoolean("attack.verbose")) {
            System.out.println(console); // -Dattack.verbose=true shows what each fixture got
        }
        String json = new JsonReport().render(report);
        assertTrue(json.length() < 2_000_000, "the report grew to " + json.length() + " characters");
        assertTrue(console.chars().noneMatch(c -> c != '\n' && Character.isISOControl(c)),
                "the console report carries a raw control character");
        assertFalse(console.contains(SECRET) || json.contains(SECRET), "a secret reached the report");
        assertNothingLeft(attack);

        if (attack.refused() != null) {
            assertTrue(report.refused().stream().anyMatch(r -> r.contains(attack.refused())),
                    "the grader did not refuse '" + attack.refused() + "': " + report.refused());
        }
        for (ExerciseResult exercise : report.exercises()) {
            if (!exercise.id().equals(attack.exercise()) && !attack.everyExercise()) {
                assertSameAs(attack.base(), exercise, dir + " changed verdicts in " + exercise.id());
                continue;
            }
            assertEquals(attack.compileError(), !exercise.compiled(), "compile errors: " + exercise.compileErrors());
            List<CheckResult> hit = exercise.checks().stream()
                    .filter(c -> attack.verdicts().contains(c.status().id())).toList();
            if (!attack.verdicts().isEmpty()) {
                assertFalse(hit.isEmpty(), dir.getFileName() + ": no check ended " + attack.verdicts() + ":"
                        + Calibration.summary(report));
                assertTrue(exercise.checks().stream().noneMatch(c -> c.status() == Status.ERROR
                        && !attack.verdicts().contains("error")), dir.getFileName() + ": a check ended as a grader"
                        + " error, which only the grader may raise:" + Calibration.summary(report));
            } else {
                assertSameAs(attack.base(), exercise, dir + " should be harmless");
            }
            List<String> expected = new ArrayList<>(attack.violations());
            if (attack.violation() != null) {
                expected.add(attack.violation());
            }
            for (String violation : expected) {
                assertTrue(exercise.violations().stream().anyMatch(v -> v.contains(violation)),
                        "the scan did not report '" + violation + "': " + exercise.violations());
            }
            if (attack.feedback() != null) {
                assertTrue(exercise.checks().stream().anyMatch(c -> c.message().contains(attack.feedback())),
                        "no feedback mentions '" + attack.feedback() + "':" + Calibration.summary(report));
            }
        }
    }

    /** No file the attack meant to write, and no process it started, outlives grading. */
    private static void assertNothingLeft(Attack attack) {
        if (attack.lingering() == null && attack.absentFile() == null) {
            return;
        }
        if (attack.lingering() != null) {
            sleep(3_000); // long enough for a detached process to act, had it survived
            List<String> left = ProcessHandle.allProcesses()
                    .map(p -> p.info().commandLine().orElse(""))
                    .filter(line -> line.contains(attack.lingering()))
                    .toList();
            assertEquals(List.of(), left, "processes the attack started outlived grading");
        }
        if (attack.absentFile() != null) {
            assertFalse(Files.exists(Path.of(attack.absentFile())), "the attack created " + attack.absentFile());
        }
    }

    /** {@code tree} packed as {@code fearless pack} packs it, with {@code added} after its entries. */
    private static Path zip(Path tree, List<ZipEntry> added, Path zip) throws IOException {
        SubmissionPack.write(SubmissionTree.resolve(tree.toString(), Calibration.ROOT), Calibration.COURSE, "fixture",
                zip);
        List<RawZip.Entry> entries = new ArrayList<>();
        try (ZipFile packed = new ZipFile(zip.toFile())) {
            for (java.util.zip.ZipEntry entry : packed.stream().toList()) {
                entries.add(new RawZip.Entry(entry.getName(), new String(packed.getInputStream(entry).readAllBytes(),
                        StandardCharsets.UTF_8), RawZip.FILE));
            }
        }
        for (ZipEntry entry : added) {
            entries.add(new RawZip.Entry(entry.name(), entry.text().replace("${secret}", SECRET_FILE),
                    entry.link() ? RawZip.LINK : RawZip.FILE));
        }
        return RawZip.write(zip, entries);
    }

    private static Path source(Path dir, Prebuilt prebuilt) throws IOException {
        if (prebuilt.copyOf() == null) {
            return dir.resolve("prebuilt").resolve(prebuilt.source());
        }
        String name = prebuilt.className();
        String text = Files.readString(Calibration.ROOT.resolve(prebuilt.copyOf()))
                .replaceFirst("(?m)^package [\\w.]+;", "package " + name.substring(0, name.lastIndexOf('.')) + ";");
        Path copy = Files.createTempDirectory("fearless-prebuilt-src-").resolve(name.substring(name.lastIndexOf('.') + 1)
                + ".java");
        Files.writeString(copy, text);
        return copy;
    }

    private static void lay(Path source, Prebuilt prebuilt, Path tree) throws IOException {
        Path out = Files.createTempDirectory("fearless-prebuilt-");
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-cp",
                System.getProperty("java.class.path"), "-d", out.toString(), source.toString());
        assertEquals(0, rc, "the fixture's prebuilt source does not compile: " + source);
        Path target = tree.resolve(prebuilt.to());
        Files.createDirectories(target.getParent());
        Files.copy(out.resolve(prebuilt.className().replace('.', '/') + ".class"), target);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
