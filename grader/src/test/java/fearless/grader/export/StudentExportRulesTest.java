package fearless.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fearless.grader.course.Course;
import fearless.grader.course.Manifests;
import fearless.grader.engine.CheckCatalog;
import fearless.grader.engine.CheckSpec;
import fearless.grader.engine.FileTrees;
import fearless.grader.engine.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the export takes and what it refuses, on a copy of the kit (so a test can add an
 * instructor's page or a class that refers to a hidden one): every refusal comes before the first
 * file is written.
 */
class StudentExportRulesTest {

    private static final Path KIT = Path.of("..").toAbsolutePath().normalize();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path work;

    private Path kit;

    private Path student;

    @BeforeEach
    void copyTheKit() throws IOException {
        kit = work.resolve("kit");
        student = work.resolve("student");
        for (String file : List.of("pom.xml", "fearless", ".gitignore")) {
            Files.createDirectories(kit);
            Files.copy(KIT.resolve(file), kit.resolve(file));
        }
        for (String module : List.of("api", "child", "exercises", "grader")) {
            Files.copy(KIT.resolve(module + "/pom.xml"), Files.createDirectories(kit.resolve(module)).resolve("pom.xml"));
            FileTrees.copy(KIT.resolve(module + "/src/main"), kit.resolve(module + "/src/main"), p -> true);
        }
        FileTrees.copy(KIT.resolve("course-notes"), kit.resolve("course-notes"), p -> true);
    }

    /** The real manifest's text, changed. */
    private static String manifest(Consumer<ObjectNode> change) throws IOException {
        try (InputStream in = Course.class.getResourceAsStream(Course.RESOURCE)) {
            ObjectNode root = (ObjectNode) YAML.readTree(in);
            change.accept(root);
            return YAML.writeValueAsString(root);
        }
    }

    private static boolean empty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    @Test
    void an_instructors_page_stays_behind_and_the_lessons_lose_their_mutant_notes() throws IOException {
        Files.writeString(kit.resolve("course-notes/authoring.md"), "# Adding an exercise\n\n"
                + StudentExport.INSTRUCTOR_ONLY + "\n\nThe mutant schema...\n");
        new StudentExport(kit, manifest(root -> { })).write(student);
        assertFalse(Files.exists(student.resolve("course-notes/authoring.md")));
        String lesson = Files.readString(student.resolve("course-notes/06-mutex.md"));
        assertFalse(lesson.contains("<!-- mutants:"), "a mutant note is left in the lesson");
        String original = Files.readString(kit.resolve("course-notes/06-mutex.md"));
        assertEquals(original.lines().filter(l -> !l.contains("<!-- mutants:")).toList(), lesson.lines().toList(),
                "only the notes go");
        // The page's own links, and nothing else of the index, go with it: no dead link is left.
        String index = Files.readString(kit.resolve("course-notes/README.md"));
        assertTrue(index.contains("](authoring.md)"), "the kit's index links the instructor's page");
        assertEquals(index.lines().filter(l -> !l.contains("](authoring.md")).toList(),
                Files.readString(student.resolve("course-notes/README.md")).lines().toList());
    }

    @Test
    void a_class_mixing_hidden_and_public_checks_is_refused_before_anything_is_written() throws IOException {
        String manifest = manifest(root -> Manifests.override(root, "mutex/lots_and_lots", "{hidden: true}"));
        UsageException e = assertThrows(UsageException.class, () -> new StudentExport(kit, manifest).write(student));
        assertTrue(e.getMessage().startsWith("class fearless.grader.checks.mutex.MutexRaceChecks mixes hidden checks"
                + " (mutex/lots_and_lots) with public ones ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("move them into a class of their own"), e.getMessage());
        assertTrue(empty(student));
    }

    @Test
    void a_hidden_class_that_kept_code_refers_to_is_refused() throws IOException {
        Files.writeString(kit.resolve("grader/src/main/java/fearless/grader/checks/mutex/Shared.java"),
                "package fearless.grader.checks.mutex;\nclass Shared { Class<?> c = MutexWaitChecks.class; }\n");
        String manifest = manifest(root -> {
            Manifests.override(root, "mutex/interrupted_waiter_keeps_waiting", "{hidden: true}");
            Manifests.override(root, "mutex/try_lock_never_waits", "{hidden: true}");
        });
        UsageException e = assertThrows(UsageException.class, () -> new StudentExport(kit, manifest).write(student));
        assertEquals("class fearless.grader.checks.mutex.MutexWaitChecks holds hidden checks, so the export leaves it"
                + " out, but grader/src/main/java/fearless/grader/checks/mutex/Shared.java refers to it: move what they"
                + " share into a class of its own", e.getMessage());
        assertTrue(empty(student));
    }

    @Test
    void a_folder_that_is_not_empty_is_refused() throws IOException {
        Files.createDirectories(student);
        Files.writeString(student.resolve("notes.txt"), "mine");
        UsageException e = assertThrows(UsageException.class,
                () -> new StudentExport(kit, manifest(root -> { })).write(student));
        assertEquals(student + " exists and is not empty: export writes a new repository into a new or empty folder",
                e.getMessage());
        assertEquals(List.of("notes.txt"), Files.list(student).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void the_students_manifest_keeps_public_overrides_and_adds_up_without_the_hidden_checks() throws IOException {
        String manifest = manifest(root -> {
            Manifests.override(root, "mutex/interrupted_waiter_keeps_waiting", "{hidden: true}");
            Manifests.override(root, "mutex/try_lock_never_waits", "{hidden: true, points: 4}");
            Manifests.override(root, "mutex/lots_and_lots", "{points: 5}");
            root.put("hiddenFeedback", "full");
        });
        ExportSummary summary = new StudentExport(kit, manifest).write(student);
        assertEquals(List.of("fearless.grader.checks.mutex.MutexWaitChecks"), summary.hiddenClasses());
        assertFalse(Files.exists(student.resolve("grader/src/main/java/fearless/grader/checks/mutex/MutexWaitChecks.java")));
        String text = Files.readString(student.resolve("grader/src/main/resources/fearless/course.yaml"));
        assertFalse(text.contains("try_lock_never_waits") || text.contains("interrupted_waiter") || text.contains("hiddenFeedback"),
                text);
        Course exported;
        try (InputStream in = Files.newInputStream(student.resolve("grader/src/main/resources/fearless/course.yaml"))) {
            exported = Course.read(in);
        }
        assertEquals(java.util.Map.of("mutex/lots_and_lots", new fearless.grader.course.CheckOverride(5, null)),
                exported.exercise("mutex").orElseThrow().checks());
        List<CheckSpec> declared = CheckCatalog.discover(Course.load(), CheckCatalog.CHECKS_PACKAGE, List.of("mutex"));
        int expected = declared.stream().filter(c -> !c.declaringClass().orElseThrow().endsWith(".MutexWaitChecks"))
                .mapToInt(c -> c.id().equals("mutex/lots_and_lots") ? 5 : c.points()).sum();
        assertEquals(expected, exported.exercise("mutex").orElseThrow().points());
        assertEquals(Course.load().exercise("box").orElseThrow().points(), exported.exercise("box").orElseThrow().points());
        assertEquals(Course.load().exercises().stream().map(e -> e.id() + " " + e.hints()).toList(),
                exported.exercises().stream().map(e -> e.id() + " " + e.hints()).toList(), "everything else as it was");
        assertTrue(Files.isExecutable(student.resolve("fearless")));
        String pom = Files.readString(student.resolve("pom.xml"));
        assertFalse(pom.contains("<module>solutions</module>"), pom);
        assertTrue(pom.contains("<module>exercises</module>"), pom);
        String readme = Files.readString(student.resolve("README.md"));
        assertTrue(readme.contains("| 7 | `mutex` | A mutex with guards and poisoning | [Mutex\\<T>: shared state behind"
                + " a lock](course-notes/06-mutex.md) | " + expected + " |"), readme);
        assertFalse(readme.contains("{{"), readme);
    }
}
