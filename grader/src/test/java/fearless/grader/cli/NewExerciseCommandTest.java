package fearless.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.calibration.Mutant;
import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.course.Course.Topic;
import fearless.grader.engine.FileTrees;
import fearless.grader.scaffold.Leftovers;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code fearless new exercise}, run against a copy of the project's folders it reads and writes:
 * every file is created, the manifest entry lands in its topic with the manifest's comments kept,
 * the Java compiles, and a refused request writes nothing.
 */
class NewExerciseCommandTest {

    private static final Path REAL = Path.of("..").toAbsolutePath().normalize();
    private static final Path GOLDEN = Path.of("src/test/resources/golden/new-exercise.txt");
    private static final String MANIFEST = "grader/src/main/resources/fearless/course.yaml";

    @TempDir
    Path project;

    @TempDir
    Path classes;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void copyTheProject() {
        for (String part : List.of("api/src/main/java", "exercises/src/main", "solutions/src/main",
                "grader/src/main/java/fearless/grader/checks", "grader/src/main/resources/fearless",
                "grader/src/test/resources/promises", "grader/src/test/resources/mutants", "course-notes")) {
            FileTrees.copy(REAL.resolve(part), project.resolve(part), file -> true);
        }
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("new", "exercise", "--project", project.toString()));
        all.addAll(List.of(args));
        return Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
    }

    @Test
    void every_file_is_created_with_the_manifest_entry_under_its_topic() throws IOException {
        String manifestBefore = Files.readString(project.resolve(MANIFEST));
        assertEquals(0, run("spin-lock", "--topic", "mutex", "--title", "A spin lock: SpinLock<T>"), err.toString());
        for (String file : List.of("api/src/main/java/fearless/api/mutex/SpinLock.java",
                "api/src/main/java/fearless/api/mutex/SpinLockProvider.java",
                "exercises/src/main/java/fearless/exercises/spinlock/BasicSpinLock.java",
                "exercises/src/main/java/fearless/exercises/spinlock/BasicSpinLocks.java",
                "exercises/src/main/resources/META-INF/services/fearless.api.mutex.SpinLockProvider",
                "solutions/src/main/java/fearless/solutions/spinlock/BasicSpinLock.java",
                "solutions/src/main/java/fearless/solutions/spinlock/BasicSpinLocks.java",
                "solutions/src/main/resources/META-INF/services/fearless.api.mutex.SpinLockProvider",
                "grader/src/main/java/fearless/grader/checks/spinlock/SpinLockChecks.java",
                "grader/src/test/resources/mutants/spin-lock/example-bug/mutant.yaml")) {
            assertTrue(Files.isRegularFile(project.resolve(file)), file);
            assertTrue(out.toString().contains(file), "not listed: " + file);
        }
        assertEquals("fearless.exercises.spinlock.BasicSpinLocks", Files.readString(project.resolve(
                "exercises/src/main/resources/META-INF/services/fearless.api.mutex.SpinLockProvider")).strip());

        String manifest = Files.readString(project.resolve(MANIFEST));
        assertTrue(keepsInOrder(manifest, manifestBefore), "the manifest's text, comments included, must stay as it was");
        ExerciseInfo added = last(topic(manifest, "mutex"));
        assertEquals("spin-lock", added.id());
        assertEquals("A spin lock: SpinLock<T>", added.title());
        assertEquals("spinlock", added.packageName());
        assertEquals("fearless.api.mutex.SpinLockProvider", added.provider());
        assertEquals(1, added.points(), "the points of the one example check");

        Mutant mutant = Mutant.read(project.resolve("grader/src/test/resources/mutants/spin-lock/example-bug"));
        assertEquals("spin-lock", mutant.exercise());
        assertEquals(List.of("spin-lock/example_check"), mutant.trips());
        assertEquals("fearless/solutions/spinlock/BasicSpinLock.java", mutant.edits().get(0).file());

        String lesson = Files.readString(project.resolve("course-notes/06-mutex.md"));
        assertTrue(lesson.contains("\n## 17. Exercise spin-lock\n"), "the lesson's next section");
        String promises = Files.readString(project.resolve("grader/src/test/resources/promises/promises.yaml"));
        assertTrue(promises.indexOf("fearless/api/mutex/SpinLockProvider.java:") < promises.indexOf(
                "fearless/api/mutex/TryLockError.java:"), "the provider's promises go in api order");
    }

    @Test
    void the_generated_java_compiles_against_the_api_and_the_kit() throws IOException {
        assertEquals(0, run("spin-lock", "--topic", "mutex"), err.toString());
        assertEquals(0, run("job-queue", "--topic", "schedulers"), err.toString());
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(project)) {
            sources = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("spinlock") || p.toString().contains("SpinLock")
                            || p.toString().contains("jobqueue") || p.toString().contains("JobQueue"))
                    .toList();
        }
        assertEquals(14, sources.size(), sources.toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            boolean ok = javac.getTask(null, files, diagnostics, List.of("-proc:none", "-Xlint:all", "-Werror",
                            "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()), null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            assertTrue(ok, diagnostics.getDiagnostics().toString());
        }
    }

    @Test
    void a_new_topic_gets_a_manifest_topic_and_a_lesson_of_its_own() throws IOException {
        assertEquals(0, run("spsc-queue", "--topic", "channels", "--title", "A \"queue\""), err.toString());
        Topic topic = topic(Files.readString(project.resolve(MANIFEST)), "channels");
        assertEquals("course-notes/11-channels.md", topic.lesson());
        assertEquals("A \"queue\"", last(topic).title());
        assertEquals("fearless.api.channels.SpscQueueProvider", last(topic).provider());
        String lesson = Files.readString(project.resolve("course-notes/11-channels.md"));
        assertTrue(lesson.startsWith("# Lesson 11: Channels\n"), lesson);
        assertTrue(lesson.contains("## 2. Mistakes the checks catch\n\n- ")
                && lesson.contains("<!-- mutants: spsc-queue/example-bug -->"), "a mistakes list LessonMistakesTest reads");
        assertTrue(Files.isRegularFile(project.resolve("api/src/main/java/fearless/api/channels/SpscQueue.java")));
    }

    @Test
    void a_new_topic_whose_lesson_is_written_already_extends_it() throws IOException {
        String before = "# Lesson 11: Schedulers\n\n## 1. A timer wheel\n\nSlots of timers.\n";
        Files.writeString(project.resolve("course-notes/11-schedulers.md"), before);
        assertEquals(0, run("work-stealing", "--topic", "schedulers"), err.toString());
        assertEquals("course-notes/11-schedulers.md",
                topic(Files.readString(project.resolve(MANIFEST)), "schedulers").lesson());
        String after = Files.readString(project.resolve("course-notes/11-schedulers.md"));
        assertTrue(after.startsWith(before.stripTrailing()) && after.contains("\n## 2. Exercise work-stealing\n"), after);
    }

    @Test
    void an_exercise_in_a_topic_before_the_last_goes_last_in_that_topic() throws IOException {
        List<String> before = Files.readAllLines(project.resolve(MANIFEST));
        assertEquals(0, run("rc-cell", "--topic", "ownership", "--package", "rccell"), err.toString());
        Course course = Course.read(Files.newInputStream(project.resolve(MANIFEST)));
        assertEquals(List.of("box", "drop-scope", "rc-cell", "borrows", "ref-cell", "rc", "tree", "mutex", "spawn",
                        "thread-move", "scoped-threads", "parker", "parallel", "channel", "sync-channel", "pipeline", "arc", "condvar",
                        "bounded-buffer", "rw-lock", "thread-pool", "bank",
                        "dining-philosophers"),
                course.exercises().stream().map(ExerciseInfo::id).toList());
        assertEquals("fearless.api.ownership.RcCellProvider", course.exercise("rc-cell").orElseThrow().provider());
        List<String> after = Files.readAllLines(project.resolve(MANIFEST));
        int kept = 0;
        for (String line : after) {
            if (kept < before.size() && line.equals(before.get(kept))) {
                kept++;
            }
        }
        assertEquals(before.size(), kept, "every line of the manifest is kept, in order");
        assertEquals(before.size() + 10, after.size(), "the entry is ten lines");
    }

    @Test
    void the_scaffold_s_todos_are_what_the_project_s_tests_will_name() throws IOException {
        assertTrue(Leftovers.in(project).isEmpty(), "the copy starts clean");
        assertEquals(0, run("spin-lock", "--topic", "mutex"), err.toString());
        List<String> left = Leftovers.in(project);
        for (String file : List.of("fearless/api/mutex/SpinLock.java", "fearless/api/mutex/SpinLockProvider.java",
                "fearless/exercises/spinlock/BasicSpinLock.java", "fearless/solutions/spinlock/BasicSpinLock.java",
                "checks/spinlock/SpinLockChecks.java", "course.yaml", "spin-lock/example-bug/mutant.yaml", "06-mutex.md")) {
            assertTrue(left.stream().anyMatch(l -> l.contains(file + ":")), file + " has no TODO: " + left);
        }
    }

    @Test
    void the_output_lists_the_files_and_the_next_steps() throws IOException {
        assertEquals(0, run("spin-lock", "--topic", "mutex", "--title", "A spin lock"), err.toString());
        String actual = out.toString();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual);
        }
        assertEquals(Files.readString(GOLDEN), actual, "differs from " + GOLDEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mutex", "drop-scope", "Bad", "1st", "a--b", "a_b", "x-"})
    void an_existing_or_invalid_id_is_refused_and_nothing_is_written(String id) throws IOException {
        assertRefused(List.of(id, "--topic", "mutex"), id);
    }

    @Test
    void a_package_in_use_is_refused() throws IOException {
        assertRefused(List.of("scope2", "--topic", "ownership", "--package", "dropscope"), "package 'dropscope'");
    }

    @Test
    void a_keyword_package_or_topic_is_refused() throws IOException {
        assertRefused(List.of("x", "--topic", "mutex", "--package", "new"), "invalid package 'new'");
        assertRefused(List.of("x", "--topic", "while"), "invalid package 'while'");
        assertRefused(List.of("new", "--topic", "mutex"), "--package");
        assertRefused(List.of("x", "--topic", "Mutex"), "invalid topic 'Mutex'");
    }

    @Test
    void a_folder_that_is_not_the_project_s_root_is_refused() throws IOException {
        Files.delete(project.resolve(MANIFEST));
        assertRefused(List.of("x", "--topic", "mutex"), "is not the Fearless project's root");
    }

    @Test
    void an_existing_file_is_never_overwritten() throws IOException {
        Files.createDirectories(project.resolve("grader/src/test/resources/mutants/spin-lock"));
        assertRefused(List.of("spin-lock", "--topic", "mutex"), "mutants/spin-lock exists already");
    }

    @Test
    void a_missing_topic_option_is_a_usage_error() {
        assertEquals(Main.USAGE, run("spin-lock"));
        assertTrue(err.toString().contains("--topic"), err.toString());
    }

    private void assertRefused(List<String> args, String said) throws IOException {
        Map<String, String> before = snapshot();
        err.getBuffer().setLength(0);
        assertEquals(Main.USAGE, run(args.toArray(String[]::new)), out.toString());
        assertTrue(err.toString().startsWith("fearless: ") && err.toString().contains(said), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertEquals(before, snapshot(), "a refused request must write nothing");
    }

    /** Every file of the copy, with its text. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(project)) {
            for (Path p : walk.toList()) {
                files.put(project.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "/");
            }
        }
        return files;
    }

    private static Topic topic(String manifest, String id) throws IOException {
        try (InputStream in = new java.io.ByteArrayInputStream(manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return Course.read(in).topics().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
        }
    }

    private static ExerciseInfo last(Topic topic) {
        return topic.exercises().get(topic.exercises().size() - 1);
    }

    /** Whether every line of {@code before} is in {@code after}, in the same order. */
    private static boolean keepsInOrder(String after, String before) {
        java.util.Iterator<String> lines = after.lines().iterator();
        return before.lines().allMatch(line -> {
            while (lines.hasNext()) {
                if (lines.next().equals(line)) {
                    return true;
                }
            }
            return false;
        });
    }
}
