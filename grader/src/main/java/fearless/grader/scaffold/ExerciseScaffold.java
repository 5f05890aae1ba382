package fearless.grader.scaffold;

import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.course.Course.Topic;
import fearless.grader.engine.UsageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/**
 * A new exercise's every file, with {@value #TODO} comments that say what to fill in: the api
 * interface and its provider, the stub and the solution with their registrations, a checks class
 * with one example check, one calibration mutant, a lesson section, the manifest entry and the
 * provider's promises. The files compile as written, and the project's tests fail on what is still
 * missing (course-notes/authoring.md says which, and why).
 *
 * <p>Everything is planned and checked before anything is written, so a refused request leaves
 * the project as it was.
 */
public final class ExerciseScaffold {

    /** The marker of everything the author still has to write; {@code ScaffoldLeftoversTest} finds each one. */
    public static final String TODO = "TODO(scaffold)";

    static final String MANIFEST = "grader/src/main/resources/fearless/course.yaml";
    static final String PROMISES = "grader/src/test/resources/promises/promises.yaml";
    static final String NOTES = "course-notes";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern LESSON_NUMBER = Pattern.compile("^(\\d+)-.*\\.md$");
    private static final int MAX_ID = 40;
    private static final int MAX_TITLE = 100;

    /** What the author asks for; {@code title} and {@code packageName} may be null (derived from the id). */
    public record Request(String id, String topic, String title, String packageName) {
    }

    /** One file the scaffold writes, relative to the project's root: created or changed, and its job. */
    public record Change(String path, String text, boolean created, String job) {
    }

    private ExerciseScaffold() {
    }

    /**
     * Every file the request creates or changes, with its new text. Writes nothing.
     *
     * @throws UsageException if {@code root} is not the project's root, or the request is invalid or
     *         would overwrite something
     */
    public static List<Change> plan(Path root, Request request) {
        requireProjectRoot(root);
        String id = valid("exercise id", request.id());
        String topicId = valid("topic", request.topic());
        String title = title(request.title() == null ? id : request.title());
        String packageName = request.packageName() == null ? id.replace("-", "") : request.packageName();
        requirePackage(packageName, request.packageName() == null
                ? "derived from the exercise id; choose one with --package" : "given with --package");

        String manifest = read(root.resolve(MANIFEST));
        Course course = parse(manifest);
        course.exercise(id).ifPresent(e -> {
            throw new UsageException("exercise '" + id + "' exists already, in topic '" + course.topicOf(e).id() + "'");
        });
        course.exercises().stream().filter(e -> e.packageName().equals(packageName)).findFirst().ifPresent(e -> {
            throw new UsageException("package '" + packageName + "' is exercise '" + e.id()
                    + "''s already: choose another with --package");
        });
        Optional<Topic> topic = course.topics().stream().filter(t -> t.id().equals(topicId)).findFirst();
        String apiPackage = topic.flatMap(ExerciseScaffold::apiPackageOf).orElse(topicId.replace("-", ""));
        requirePackage(apiPackage, "the api package, derived from the topic id; choose another topic id");
        String lesson = topic.map(Topic::lesson).orElseGet(() -> lessonFor(root, topicId));
        ExerciseNames names = new ExerciseNames(id, topicId, title, packageName, apiPackage, lesson);

        List<Change> changes = new ArrayList<>(created(names));
        for (Change change : changes) {
            if (Files.exists(root.resolve(change.path()))) {
                throw new UsageException(change.path() + " exists already");
            }
        }
        for (String folder : List.of("exercises/src/main/java/fearless/exercises/" + packageName,
                "solutions/src/main/java/fearless/solutions/" + packageName,
                "grader/src/main/java/fearless/grader/checks/" + packageName,
                "grader/src/test/resources/mutants/" + id)) {
            if (Files.exists(root.resolve(folder))) {
                throw new UsageException(folder + " exists already");
            }
        }
        changes.add(manifestChange(manifest, names, topic.isPresent()));
        changes.add(lessonChange(root, names));
        changes.add(promisesChange(root, names));
        return changes;
    }

    /** Writes {@code changes} below {@code root}: new files only where nothing is yet. */
    public static void write(Path root, List<Change> changes) throws IOException {
        for (Change change : changes) {
            Path file = root.resolve(change.path());
            Files.createDirectories(file.getParent());
            if (change.created()) {
                Files.writeString(file, change.text(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } else {
                Files.writeString(file, change.text());
            }
        }
    }

    /** The files that do not exist yet, each from its template. */
    private static List<Change> created(ExerciseNames n) {
        Map<String, String> values = n.placeholders();
        String api = "api/src/main/java/fearless/api/" + n.apiPackage() + "/";
        String services = "/src/main/resources/META-INF/services/" + n.provider();
        String registration = "fearless.%s." + n.packageName() + "." + n.implementation() + "s\n";
        return List.of(
                made(api + n.type() + ".java", "api.java.tmpl", values,
                        "the contract: every sentence of its Javadoc is a promise"),
                made(api + n.type() + "Provider.java", "api-provider.java.tmpl", values,
                        "how the checks get a fresh " + n.type() + " from a submission"),
                made(java("exercises", n, n.implementation()), "stub.java.tmpl", values,
                        "the stub: every method throws Unimplemented"),
                made(java("exercises", n, n.providerImplementation()), "stub-provider.java.tmpl", values,
                        "the stub's provider"),
                new Change("exercises" + services, String.format(registration, "exercises"), true,
                        "registers the stub's provider"),
                made(java("solutions", n, n.implementation()), "solution.java.tmpl", values,
                        "the reference solution: full marks on every seed"),
                made(java("solutions", n, n.providerImplementation()), "solution-provider.java.tmpl", values,
                        "the solution's provider"),
                new Change("solutions" + services, String.format(registration, "solutions"), true,
                        "registers the solution's provider"),
                made("grader/src/main/java/fearless/grader/checks/" + n.packageName() + "/" + n.type() + "Checks.java",
                        "checks.java.tmpl", values, "the graded checks: one example to replace"),
                made("grader/src/test/resources/mutants/" + n.id() + "/" + ExerciseNames.EXAMPLE_MUTANT + "/mutant.yaml",
                        "mutant.yaml.tmpl", values, "a calibration mutant: a bug the checks must catch"));
    }

    private static String java(String tree, ExerciseNames n, String type) {
        return tree + "/src/main/java/fearless/" + tree + "/" + n.packageName() + "/" + type + ".java";
    }

    private static Change made(String path, String template, Map<String, String> values, String job) {
        return new Change(path, Template.render(template, values), true, job);
    }

    /** The manifest with the entry appended, under its topic or in a new one, checked by parsing it. */
    private static Change manifestChange(String manifest, ExerciseNames n, boolean topicExists) {
        String entry = Template.render("manifest-exercise.yaml.tmpl", n.placeholders());
        String changed;
        if (topicExists) {
            changed = TextEdits.withExercise(manifest, n.topic(), entry);
        } else {
            Map<String, String> values = n.placeholders();
            values.put("topicTitleYaml", ExerciseNames.yaml(topicTitle(n.topic())));
            changed = TextEdits.withTopic(manifest, Template.render("manifest-topic.yaml.tmpl", values), entry);
        }
        Course course = parse(changed);
        Topic topic = course.topics().stream().filter(t -> t.id().equals(n.topic())).findFirst().orElse(null);
        List<ExerciseInfo> exercises = topic == null ? List.of() : topic.exercises();
        if (exercises.isEmpty() || !exercises.get(exercises.size() - 1).id().equals(n.id())) {
            throw new UsageException(MANIFEST + " is not laid out as the scaffold expects (topics, each with its "
                    + "exercises list last): add the exercise to topic '" + n.topic() + "' by hand:\n" + entry);
        }
        return new Change(MANIFEST, changed, false, topicExists ? "the manifest entry, under topic '" + n.topic() + "'"
                : "a new topic '" + n.topic() + "' holding the manifest entry");
    }

    /** A section appended to the topic's lesson, or a new lesson holding it. */
    private static Change lessonChange(Path root, ExerciseNames n) {
        Path file = root.resolve(n.lesson());
        Map<String, String> values = n.placeholders();
        if (Files.isRegularFile(file)) {
            String text = read(file);
            int section = TextEdits.nextSection(text);
            values.put("section", String.valueOf(section));
            String appended = text.stripTrailing() + "\n\n---\n\n" + Template.render("lesson-exercise.md.tmpl", values);
            return new Change(n.lesson(), appended, false, "section " + section + ", \"Exercise " + n.id() + "\"");
        }
        values.put("section", "1");
        values.put("exerciseSection", Template.render("lesson-exercise.md.tmpl", values).stripTrailing());
        values.put("mistakesSection", "2");
        values.put("runSection", "3");
        values.put("number", lessonNumber(n.lesson()));
        values.put("topicTitle", topicTitle(n.topic()));
        return new Change(n.lesson(), Template.render("lesson.md.tmpl", values), true,
                "a new lesson: the exercise, its mistakes, how to run its checks");
    }

    /** The provider's two sentences in promises.yaml, in api order; the api's others are the author's. */
    private static Change promisesChange(Path root, ExerciseNames n) {
        String key = "fearless/api/" + n.apiPackage() + "/" + n.type() + "Provider.java";
        String text = read(root.resolve(PROMISES));
        if (text.lines().anyMatch(l -> l.equals(key + ":"))) {
            throw new UsageException(PROMISES + " has an entry for " + key + " already");
        }
        String block = Template.render("promises.yaml.tmpl", n.placeholders());
        return new Change(PROMISES, TextEdits.withKeyInOrder(text, key, block), false,
                "the provider's promises; PromisesTest lists the api's other sentences");
    }

    /** The api package of a topic's exercises: their providers' package, e.g. {@code ownership}. */
    private static Optional<String> apiPackageOf(Topic topic) {
        return topic.exercises().stream().map(ExerciseInfo::provider)
                .filter(p -> p.startsWith("fearless.api.") && p.lastIndexOf('.') > "fearless.api".length())
                .map(p -> p.substring("fearless.api.".length(), p.lastIndexOf('.')))
                .findFirst();
    }

    /** A new topic's lesson: a lesson file already written for it ({@code 08-message-passing.md}), or the next number. */
    private static String lessonFor(Path root, String topic) {
        int last = 0;
        for (Path file : lessons(root)) {
            String name = file.getFileName().toString();
            Matcher m = LESSON_NUMBER.matcher(name);
            if (m.matches()) {
                if (name.equals(m.group(1) + "-" + topic + ".md")) {
                    return NOTES + "/" + name;
                }
                last = Math.max(last, Integer.parseInt(m.group(1)));
            }
        }
        return String.format(Locale.ROOT, "%s/%02d-%s.md", NOTES, last + 1, topic);
    }

    private static List<Path> lessons(Path root) {
        try (Stream<Path> files = Files.list(root.resolve(NOTES))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lessonNumber(String lesson) {
        Matcher m = LESSON_NUMBER.matcher(Path.of(lesson).getFileName().toString());
        return m.matches() ? String.valueOf(Integer.parseInt(m.group(1))) : "?";
    }

    /** {@code message-passing} gives {@code Message passing}. */
    private static String topicTitle(String topic) {
        String words = topic.replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static void requireProjectRoot(Path root) {
        for (String required : List.of(MANIFEST, PROMISES)) {
            if (!Files.isRegularFile(root.resolve(required))) {
                throw new UsageException(root.toAbsolutePath().normalize() + " is not the Fearless project's root (no "
                        + required + "): run ./fearless from the project's folder");
            }
        }
        for (String required : List.of("api/src/main/java/fearless/api", "exercises/src/main/java",
                "solutions/src/main/java", "grader/src/main/java/fearless/grader", NOTES)) {
            if (!Files.isDirectory(root.resolve(required))) {
                throw new UsageException(root.toAbsolutePath().normalize() + " is not the Fearless project's root (no "
                        + required + "/): run ./fearless from the project's folder");
            }
        }
    }

    private static String valid(String what, String id) {
        if (id == null || id.length() > MAX_ID || !ID.matcher(id).matches()) {
            throw new UsageException("invalid " + what + " '" + id + "': lowercase letters and digits in words joined by "
                    + "single hyphens, starting with a letter, at most " + MAX_ID + " characters (e.g. drop-scope)");
        }
        return id;
    }

    private static void requirePackage(String name, String where) {
        if (!PACKAGE.matcher(name).matches() || SourceVersion.isKeyword(name)) {
            throw new UsageException("invalid package '" + name + "': lowercase letters and digits, starting with a "
                    + "letter, and not a Java keyword (" + where + ")");
        }
    }

    private static String title(String title) {
        if (title.isBlank() || title.length() > MAX_TITLE || title.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException("invalid title: one line of text, at most " + MAX_TITLE + " characters");
        }
        return title.strip();
    }

    private static Course parse(String manifest) {
        try {
            return Course.read(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UsageException(MANIFEST + " does not parse: " + e.getMessage());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
