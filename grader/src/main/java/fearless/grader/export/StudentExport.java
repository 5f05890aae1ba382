package fearless.grader.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.engine.CheckCatalog;
import fearless.grader.calibration.CommittedStubs;
import fearless.grader.engine.CheckSpec;
import fearless.grader.notes.CourseNotes;
import fearless.grader.notes.RuleIndex;
import fearless.grader.engine.FileTrees;
import fearless.grader.engine.UsageException;
import fearless.grader.export.ExportSummary.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the repository students start from: the api, the stubs, the lessons, and the grader with
 * its public checks only, built and graded with the same {@code ./fearless}. What stays behind is
 * what would give the course away or means nothing to a student: the reference solutions, hidden
 * checks, the calibration mutants and attack fixtures, the project's own tests, the benchmarks.
 * It copies only the {@code src/main} of each module, so nothing test-side can slip in.
 */
public final class StudentExport {

    /** A lesson holding this line is for instructors: the export leaves it out. */
    public static final String INSTRUCTOR_ONLY = "<!-- instructor-only -->";

    /** The templates of {@code new exercise}: an instructor's tool, skeletons of solutions and mutants included. */
    static final String SCAFFOLD = "grader/src/main/resources/fearless/scaffold/";

    /** A lesson's note of the mutants behind a mistake: the kit's bookkeeping, not the student's. */
    private static final Pattern MUTANT_NOTE = Pattern.compile("(?m)^[ \\t]*<!-- mutants:[^\\n]*-->[ \\t]*\\R");

    private static final String JAVA_SOURCES = "grader/src/main/java/";

    private static final String MANIFEST = "grader/src/main/resources" + Course.RESOURCE;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private final Path kit;
    private final String manifest;
    private final Course course;
    private final List<CheckSpec> checks;

    /**
     * @param kit the kit's root, where the modules and the lessons are
     * @param manifest the course manifest's text: what the export's grader will read, less its hidden checks
     */
    public StudentExport(Path kit, String manifest) {
        this.kit = kit;
        this.manifest = manifest;
        try {
            this.course = Course.read(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the course manifest: " + e.getMessage(), e);
        }
        this.checks = CheckCatalog.discover(course, CheckCatalog.CHECKS_PACKAGE,
                course.exercises().stream().map(ExerciseInfo::id).toList());
    }

    /** The kit at {@code kit}, with the course manifest the grader runs with. */
    public static StudentExport of(Path kit) {
        try (InputStream in = Course.class.getResourceAsStream(Course.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("course manifest missing: " + Course.RESOURCE);
            }
            return new StudentExport(kit, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the student repository into {@code dir}, which must be new or empty. Every refusal
     * comes before the first file is written.
     */
    public ExportSummary write(Path dir) throws IOException {
        refuseUnlessEmpty(dir, "export writes a new repository into a new or empty folder");
        SortedSet<String> hiddenClasses = HiddenCheckClasses.of(checks);
        Set<String> leftOut = hiddenClasses.stream().map(StudentExport::sourceOf).collect(Collectors.toSet());
        for (String source : leftOut) {
            if (!Files.isRegularFile(kit.resolve(source))) {
                throw new IllegalStateException("the source of a hidden check class is not at " + kit.resolve(source));
            }
        }
        refuseReferences(hiddenClasses, leftOut);
        Files.createDirectories(dir);
        List<Part> parts = new ArrayList<>();
        parts.add(write(dir, "pom.xml", parentPom(), "the build, without the solutions module"));
        parts.add(copy(dir, "fearless", "the command line: ./fearless grade"));
        parts.add(write(dir, "README.md", readme(), "the student's guide: the loop, the report, the lessons"));
        parts.add(copy(dir, ".gitignore", "build output and reports stay out of git"));
        parts.add(write(dir, ".github/workflows/grade.yml", resource("/fearless/ci/classroom.yml"),
                "CI: grades every push, keeps fearless-report/"));
        parts.add(module(dir, "api", kit, path -> true, "the interfaces to implement"));
        parts.add(module(dir, "child", kit, path -> true, "the grader's side of the checks' JVM"));
        Path committed = Files.createTempDirectory("fearless-stubs-");
        try {
            parts.add(module(dir, "exercises", stubs(committed), path -> true, "the stubs to complete"));
        } finally {
            FileTrees.delete(committed);
        }
        Part grader = module(dir, "grader", kit, path -> !leftOut.contains(path) && !path.equals(MANIFEST)
                        && !path.startsWith(SCAFFOLD),
                "the engine and the public checks");
        write(dir, MANIFEST, publicManifest(), "");
        parts.add(new Part(grader.path(), grader.files() + 1, grader.what()));
        parts.add(lessons(dir));
        int hiddenChecks = (int) checks.stream().filter(CheckSpec::hidden).count();
        return new ExportSummary(dir.toString(), parts, List.copyOf(hiddenClasses), hiddenChecks);
    }

    /**
     * Where the stubs are taken from: the kit's {@code exercises/} as committed, since the working
     * tree may hold someone's work (outside a git checkout, the working tree, with a warning).
     */
    private Path stubs(Path scratch) {
        return CommittedStubs.copy(kit, scratch.resolve("exercises"), System.err::println).getParent();
    }

    /** @param writes what the command writes there, for the refusal: {@code export writes ...} */
    static void refuseUnlessEmpty(Path dir, String writes) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new UsageException(dir + " exists and is not a folder: " + writes);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new UsageException(dir + " exists and is not empty: " + writes);
            }
        }
    }

    /** The source file of a top-level class, relative to the kit. */
    private static String sourceOf(String className) {
        return JAVA_SOURCES + className.replace('.', '/') + ".java";
    }

    /** A class left out must be one nothing kept refers to, or the student's grader would not compile. */
    private void refuseReferences(Set<String> hiddenClasses, Set<String> leftOut) throws IOException {
        for (String source : sources(kit.resolve(JAVA_SOURCES)).stream().map(p -> JAVA_SOURCES + p).toList()) {
            if (leftOut.contains(source)) {
                continue;
            }
            String text = Files.readString(kit.resolve(source));
            for (String hidden : hiddenClasses) {
                String simpleName = hidden.substring(hidden.lastIndexOf('.') + 1);
                if (Pattern.compile("\\b" + Pattern.quote(simpleName) + "\\b").matcher(text).find()) {
                    throw new UsageException("class " + hidden + " holds hidden checks, so the export leaves it out,"
                            + " but " + source + " refers to it: move what they share into a class of its own");
                }
            }
        }
    }

    /** A module's {@code pom.xml} and {@code src/main}: never its tests, its build output or anything else. */
    static Part module(Path dir, String module, Path from, Predicate<String> keep, String what) throws IOException {
        int files = 0;
        List<String> paths = new ArrayList<>(List.of(module + "/pom.xml"));
        paths.addAll(sources(from.resolve(module + "/src/main")).stream().map(p -> module + "/src/main/" + p).toList());
        for (String path : paths) {
            if (keep.test(path)) {
                copyFile(from.resolve(path), dir.resolve(path));
                files++;
            }
        }
        return new Part(module + "/", files, what);
    }

    /** The lessons, less the instructors' pages and the notes that name calibration mutants. */
    private Part lessons(Path dir) throws IOException {
        int files = 0;
        Path notes = kit.resolve("course-notes");
        Map<String, String> pages = new TreeMap<>();
        List<String> instructorsOnly = new ArrayList<>();
        for (String path : sources(notes)) {
            if (path.endsWith(".md")) {
                String text = Files.readString(notes.resolve(path));
                pages.put(path, text);
                if (text.lines().anyMatch(line -> line.strip().equals(INSTRUCTOR_ONLY))) {
                    instructorsOnly.add(path);
                }
            }
        }
        for (String path : sources(notes)) {
            Path to = dir.resolve("course-notes").resolve(path);
            if (!pages.containsKey(path)) {
                copyFile(notes.resolve(path), to);
            } else if (instructorsOnly.contains(path)) {
                continue;
            } else if (path.equals(RuleIndex.FILE)) {
                // Made again from the public checks only: the kit's index names the hidden ones.
                Files.createDirectories(to.getParent());
                Files.writeString(to, RuleIndex.markdown(course, checks.stream().filter(c -> !c.hidden()).toList(),
                        CourseNotes.read(notes)));
            } else {
                String text = pages.get(path);
                Files.createDirectories(to.getParent());
                // A line that links a page left out would be a dead link in the student's copy.
                String kept = text.lines().filter(line -> instructorsOnly.stream()
                        .noneMatch(page -> line.contains("](" + page + ")") || line.contains("](" + page + "#")))
                        .collect(Collectors.joining("\n", "", "\n"));
                Files.writeString(to, MUTANT_NOTE.matcher(kept).replaceAll(""));
            }
            files++;
        }
        return new Part("course-notes/", files, "the lessons and the rule index");
    }

    private String parentPom() throws IOException {
        return parentPom(kit, List.of("solutions"));
    }

    /** The kit's parent {@code pom.xml} without {@code modules}, which a copy of the kit leaves out. */
    static String parentPom(Path kit, List<String> modules) throws IOException {
        String pom = Files.readString(kit.resolve("pom.xml"));
        for (String module : modules) {
            String line = "<module>" + module + "</module>";
            pom = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(line) + "[ \\t]*\\R").matcher(pom).replaceAll("");
            if (pom.contains(line)) {
                throw new IllegalStateException("cannot take the " + module + " module out of " + kit.resolve("pom.xml"));
            }
        }
        return pom;
    }

    /**
     * The manifest as the student's grader reads it: hidden checks' overrides gone, each exercise's
     * points those of its public checks, so the totals stay consistent without them.
     */
    private String publicManifest() throws IOException {
        ObjectNode root = (ObjectNode) YAML.readTree(manifest);
        root.remove("hiddenFeedback");
        Set<String> hidden = checks.stream().filter(CheckSpec::hidden).map(CheckSpec::id).collect(Collectors.toSet());
        for (JsonNode topic : root.path("topics")) {
            for (JsonNode node : topic.path("exercises")) {
                ObjectNode exercise = (ObjectNode) node;
                String id = exercise.get("id").asText();
                exercise.put("points", checks.stream().filter(c -> c.exercise().equals(id) && !c.hidden())
                        .mapToInt(CheckSpec::points).sum());
                if (exercise.get("checks") instanceof ObjectNode overrides) {
                    overrides.remove(hidden);
                    if (overrides.isEmpty()) {
                        exercise.remove("checks");
                    }
                }
            }
        }
        return "# The course manifest, as the grader of this repository reads it (written by `fearless export`).\n"
                + YAML.writeValueAsString(root);
    }

    private String readme() {
        StringBuilder rows = new StringBuilder();
        int n = 0;
        Map<String, Integer> points = checks.stream().filter(c -> !c.hidden())
                .collect(Collectors.groupingBy(CheckSpec::exercise, Collectors.summingInt(CheckSpec::points)));
        for (ExerciseInfo exercise : course.exercises()) {
            Course.Topic topic = course.topicOf(exercise);
            rows.append("| ").append(++n).append(" | `").append(exercise.id()).append("` | ")
                    .append(markdown(exercise.title())).append(" | [").append(markdown(topic.title())).append("](")
                    .append(topic.lesson()).append(") | ").append(points.getOrDefault(exercise.id(), 0)).append(" |\n");
        }
        return template("README.md").replace("{{title}}", course.title())
                .replace("{{exercises}}\n", rows.toString());
    }

    /** Text safe in a Markdown table cell: {@code <T>} is not taken for HTML, {@code |} ends no cell. */
    private static String markdown(String text) {
        return text.replace("<", "\\<").replace("|", "\\|");
    }

    private static String template(String name) {
        return resource("/fearless/export/" + name);
    }

    private static String resource(String name) {
        try (InputStream in = StudentExport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("export template missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Part copy(Path dir, String path, String what) throws IOException {
        copyFile(kit.resolve(path), dir.resolve(path));
        return new Part(path, 1, what);
    }

    private static Part write(Path dir, String path, String text, String what) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return new Part(path, 1, what);
    }

    /** Copies with the file's permissions, so {@code fearless} stays executable. */
    static void copyFile(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** The regular files under {@code root}, relative to it with '/' separators, sorted; none if it is missing. */
    static List<String> sources(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
