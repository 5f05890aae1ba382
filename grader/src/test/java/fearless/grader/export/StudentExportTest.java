package fearless.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fearless.grader.calibration.Mutant;
import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.course.Manifests;
import fearless.grader.engine.CheckCatalog;
import fearless.grader.engine.CheckSpec;
import fearless.grader.report.CheckResult;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GradeReport;
import fearless.grader.report.JsonReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The student repository gives nothing away and works on its own: no solution code, no hidden
 * check, no calibration mutant, no project test in it; built from scratch and graded with its
 * README's command, the stubs in it score zero on every exercise. One check class is hidden in a
 * test copy of the manifest, so there is something hidden to leave out.
 */
class StudentExportTest {

    private static final Path KIT = Path.of("..").toAbsolutePath().normalize();

    /** Hidden here, for the test: a small class of its own, which nothing else refers to. */
    private static final String HIDDEN_CLASS = "fearless.grader.checks.mutex.MutexWaitChecks";

    private static final List<String> HIDDEN_CHECKS = List.of("mutex/interrupted_waiter_keeps_waiting",
            "mutex/try_lock_never_waits");

    /** Lines in a row that make a window of code: three is enough to tell a solution from a look-alike. */
    private static final int WINDOW = 3;

    @TempDir
    static Path work;

    private static Path export;

    @BeforeAll
    static void export() throws IOException {
        String manifest = manifestHiding(HIDDEN_CHECKS);
        export = work.resolve("student");
        ExportSummary summary = new StudentExport(KIT, manifest).write(export);
        assertEquals(List.of(HIDDEN_CLASS), summary.hiddenClasses());
        assertEquals(HIDDEN_CHECKS.size(), summary.hiddenChecks());
    }

    /** The real manifest's text with {@code checks} hidden by overrides. */
    private static String manifestHiding(List<String> checks) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = Course.class.getResourceAsStream(Course.RESOURCE)) {
            ObjectNode root = (ObjectNode) yaml.readTree(in);
            checks.forEach(check -> Manifests.override(root, check, "{hidden: true}"));
            return yaml.writeValueAsString(root);
        }
    }

    @Test
    void nothing_of_the_solutions_the_hidden_checks_or_the_calibration_set_goes_out() throws IOException {
        Map<String, String> files = exported();
        List<String> found = new ArrayList<>();
        for (String path : files.keySet()) {
            for (String part : List.of("solutions/", "src/test/", "mutants/", "attacks/", "bench/", ".ci/",
                    "mutant.yaml", "attack.yaml", "Test.java", "BENCHMARKS.md", "promises.yaml")) {
                if (("/" + path).contains("/" + part) || path.endsWith(part)) {
                    found.add(path + " (a path with " + part + ")");
                }
            }
        }
        Set<String> texts = new HashSet<>(List.of("fearless.solutions", "fearless/solutions", "MUTANT:",
                HIDDEN_CLASS.substring(HIDDEN_CLASS.lastIndexOf('.') + 1)));
        for (String check : HIDDEN_CHECKS) {
            texts.add(check);
            texts.add(check.substring(check.indexOf('/') + 1));
        }
        for (Path dir : Mutant.dirs(KIT.resolve(Mutant.SET))) {
            texts.add(Mutant.id(dir));
        }
        Map<List<String>, String> solutionCode = distinctiveSolutionCode();
        assertTrue(solutionCode.size() > 50, "too little solution code to look for: " + solutionCode.size());
        files.forEach((path, text) -> {
            // The scaffold names where a new exercise's solution and mutant go; it holds none.
            boolean scaffold = path.startsWith("grader/src/main/java/fearless/grader/scaffold/");
            texts.stream().filter(t -> !(scaffold && t.contains("solutions"))).filter(text::contains)
                    .forEach(t -> found.add(path + " (contains '" + t + "')"));
            for (List<String> window : windows(text)) {
                if (solutionCode.containsKey(window)) {
                    found.add(path + " (the code of " + solutionCode.get(window) + ": " + window + ")");
                }
            }
        });
        assertTrue(found.isEmpty(), "the student repository gives away:\n  "
                + String.join("\n  ", found.subList(0, Math.min(found.size(), 20))));
        assertTrue(files.containsKey("grader/src/main/java/fearless/grader/checks/mutex/MutexRaceChecks.java"),
                "a public check class is missing");
    }

    @Test
    void the_export_builds_from_scratch_and_its_stubs_grade_to_zero() throws Exception {
        long start = System.nanoTime();
        run(List.of("mvn", "-B", "-o", "-q", "package", "-DskipTests"), "build.log");
        // The build wrote the class path ./fearless runs with; marked fresh, the launcher builds nothing more.
        Files.setLastModifiedTime(export.resolve("grader/target/fearless.classpath"), FileTime.fromMillis(
                System.currentTimeMillis() + 1000));
        run(List.of("./fearless", "grade", "--format", "console,json"), "grade.log");
        GradeReport report = JsonReport.parse(Files.readString(export.resolve("fearless-report/report.json")));
        Course exported;
        try (InputStream in = Files.newInputStream(export.resolve("grader/src/main/resources/fearless/course.yaml"))) {
            exported = Course.read(in);
        }
        assertEquals(exported.exercises().stream().map(ExerciseInfo::id).toList(),
                report.exercises().stream().map(ExerciseResult::id).toList(), "every exercise, in course order");
        assertEquals(0, report.score(), "a stub earned points");
        for (ExerciseResult exercise : report.exercises()) {
            assertTrue(exercise.compiled(), exercise.id() + " does not compile: " + exercise.compileErrors());
            assertFalse(exercise.checks().isEmpty(), exercise.id() + " has no checks");
            assertEquals(exported.exercise(exercise.id()).orElseThrow().points(), exercise.maxScore(),
                    "the exported manifest's points of " + exercise.id());
        }
        List<String> ids = report.exercises().stream().flatMap(e -> e.checks().stream()).map(CheckResult::id).toList();
        HIDDEN_CHECKS.forEach(hidden -> assertFalse(ids.contains(hidden), hidden + " was graded"));
        int hiddenPoints = CheckCatalog.discover(Course.load(), CheckCatalog.CHECKS_PACKAGE, List.of("mutex")).stream()
                .filter(c -> HIDDEN_CHECKS.contains(c.id())).mapToInt(CheckSpec::points).sum();
        assertEquals(Course.load().exercise("mutex").orElseThrow().points() - hiddenPoints,
                exported.exercise("mutex").orElseThrow().points(), "mutex's points without its hidden checks");
        System.out.printf("[fearless] the student export built and graded in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Runs {@code command} in the export; a failure shows the end of its output. */
    private static void run(List<String> command, String log) throws IOException, InterruptedException {
        Path output = work.resolve(log);
        Process process = new ProcessBuilder(command).directory(export.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output);
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        assertTrue(ended && process.exitValue() == 0, String.join(" ", command) + " failed in the export:\n" + tail);
    }

    /** Every file of the export as text, by path relative to it; build output and reports aside. */
    private static Map<String, String> exported() throws IOException {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(export)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String path = export.relativize(file).toString().replace('\\', '/');
                if (!path.contains("target/") && !path.startsWith("fearless-report/")) {
                    files.put(path, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    /**
     * Every window of the solutions' code that the stubs and the api do not have, with the file it
     * comes from: the code a student must not find in the repository.
     */
    private static Map<List<String>, String> distinctiveSolutionCode() throws IOException {
        Set<List<String>> starter = new HashSet<>();
        for (String module : List.of("exercises", "api")) {
            for (Path file : javaFiles(KIT.resolve(module + "/src/main"))) {
                starter.addAll(windows(Files.readString(file)));
            }
        }
        Map<List<String>, String> code = new HashMap<>();
        for (Path file : javaFiles(KIT.resolve("solutions/src/main"))) {
            for (List<String> window : windows(Files.readString(file))) {
                if (!starter.contains(window)) {
                    code.put(window, KIT.relativize(file).toString());
                }
            }
        }
        return code;
    }

    /** Every run of {@link #WINDOW} lines of code in a row, stripped; blank lines, comments, imports and lone braces skipped. */
    private static List<List<String>> windows(String text) {
        List<String> code = text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.matches("(import|package|\\*|//|/\\*|@).*") && !l.matches("[{}();]+"))
                .toList();
        List<List<String>> windows = new ArrayList<>();
        for (int i = 0; i + WINDOW <= code.size(); i++) {
            windows.add(code.subList(i, i + WINDOW));
        }
        return windows;
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
