package fearless.grader.cli;

import fearless.grader.course.Course;
import fearless.grader.report.ClassroomResult;
import fearless.grader.report.CheckResult;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GithubReport;
import fearless.grader.report.GradeReport;
import fearless.grader.report.Printable;
import fearless.grader.report.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a grading run inside GitHub Actions tells the workflow, beside {@code summary.md}: workflow
 * commands on stdout that put each compile error, forbidden use and structure violation on its
 * file and line in the pull request (the other failures as annotations without a file), the
 * {@code Points X/Y} line GitHub Classroom reads, the base64 result its grading reporter takes
 * ({@code result} in {@code $GITHUB_OUTPUT}), and the summary appended to
 * {@code $GITHUB_STEP_SUMMARY}. Files are named relative to the workspace, as the workflow sees
 * the repository.
 */
final class GithubActions {

    /** {@code src/main/java/fearless/exercises/box/OwnedBox.java:12: error: ';' expected}. */
    private static final Pattern COMPILE_ERROR = Pattern.compile("^(.+?\\.java):(\\d+): error: (.*)$");

    /** A forbidden use or a structure rule's place: {@code Scope.java:31: calls java.lang.System.exit (...)}. */
    private static final Pattern PLACE = Pattern.compile("^\\s*([\\w$]+\\.java):(\\d+): (.*)$");

    /** Places annotated per check: a rule broken in fifty places needs a handful to be seen. */
    static final int PLACES = 5;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> env;
    private final Path workspace;
    private final Optional<Path> folder;
    private final Course course;

    /**
     * @param env the environment ({@code GITHUB_WORKSPACE}, {@code GITHUB_OUTPUT}, {@code GITHUB_STEP_SUMMARY})
     * @param folder the submission's folder, empty for a zip (whose files are in no repository)
     */
    GithubActions(Map<String, String> env, Optional<Path> folder, Course course) {
        this.env = env;
        this.workspace = Path.of(env.getOrDefault("GITHUB_WORKSPACE", "")).toAbsolutePath().normalize();
        this.folder = folder.map(f -> f.toAbsolutePath().normalize());
        this.course = course;
    }

    /** The submission's folder for what {@code grade} was given, empty for a zip. */
    static Optional<Path> folderOf(String submission, Path projectRoot) {
        return switch (submission) {
            case "solutions", "exercises" -> Optional.of(projectRoot.resolve(submission));
            default -> Files.isDirectory(Path.of(submission)) ? Optional.of(Path.of(submission)) : Optional.empty();
        };
    }

    /** Writes everything for the workflow: annotations and points on {@code out}, then the files. */
    void report(GradeReport report, PrintWriter out) throws IOException {
        annotations(report).forEach(out::println);
        out.println("Points " + report.score() + "/" + report.maxScore());
        out.flush();
        append("GITHUB_OUTPUT", "result=" + ClassroomResult.encoded(report) + "\n");
        append("GITHUB_STEP_SUMMARY", new GithubReport().render(report));
    }

    /**
     * Text quoted from a submission (the console report), made inert for the runner: it reads a
     * workflow command on any line that starts with {@code ::} once leading spaces are trimmed, so
     * a submission's message could otherwise forge annotations or outputs. Commands stop for the
     * text under a token it cannot guess.
     */
    static String inert(String text) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        return "::stop-commands::" + token + "\n" + text + (text.endsWith("\n") ? "" : "\n") + "::" + token + "::\n";
    }

    /** One workflow command per failure, in report order. */
    List<String> annotations(GradeReport report) {
        List<String> lines = new ArrayList<>();
        for (ExerciseResult exercise : report.exercises()) {
            if (!exercise.compiled()) {
                for (String error : exercise.compileErrors()) {
                    Matcher m = COMPILE_ERROR.matcher(error.lines().findFirst().orElse(""));
                    Optional<String> file = m.matches() ? inFolder(m.group(1)) : Optional.empty();
                    lines.add(command("error", file, m.matches() ? m.group(2) : null,
                            exercise.id() + " does not compile", error));
                }
            } else if (!exercise.violations().isEmpty()) {
                for (String violation : exercise.violations()) {
                    lines.add(placed(exercise, violation, exercise.id() + " uses what a submission may not touch", violation));
                }
            } else {
                for (CheckResult check : exercise.checks()) {
                    if (!check.passed()) {
                        lines.addAll(check(exercise, check));
                    }
                }
            }
        }
        return lines;
    }

    private List<String> check(ExerciseResult exercise, CheckResult check) {
        String first = check.message().strip().lines().findFirst().orElse(check.status().id());
        String title = check.id() + " " + check.status().id() + " (" + check.score() + "/" + check.maxScore() + ")";
        if ("structure".equals(check.category())) {
            List<String> places = check.message().lines().filter(l -> PLACE.matcher(l).matches()).limit(PLACES).toList();
            if (!places.isEmpty()) {
                return places.stream().map(p -> placed(exercise, p, title, first + "\n" + p.strip())).toList();
            }
        }
        boolean graderFault = check.status() == Status.ERROR || check.status() == Status.SKIPPED;
        return List.of(command(graderFault ? "warning" : "error", Optional.empty(), null, title, check.message().strip()));
    }

    /** An annotation on the file and line {@code place} names, found in the exercise's package folder. */
    private String placed(ExerciseResult exercise, String place, String title, String message) {
        Matcher m = PLACE.matcher(place);
        if (!m.matches()) {
            return command("error", Optional.empty(), null, title, message);
        }
        return command("error", locate(exercise, m.group(1)), m.group(2), title, message);
    }

    /** Whether a folder above the file is named after the package ({@code .../mutex/impl/X.java} is in mutex). */
    private static boolean inPackage(Path relative, String pkg) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().equals(pkg)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A file named only by its name ({@code Scope.java}): the one of that name under the exercise's
     * package folder; none when two files could be meant.
     */
    private Optional<String> locate(ExerciseResult exercise, String fileName) {
        Optional<String> pkg = course.exercise(exercise.id()).map(Course.ExerciseInfo::packageName);
        if (folder.isEmpty() || pkg.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(folder.get())) {
            List<Path> found = files.filter(p -> p.getFileName().toString().equals(fileName))
                    .filter(p -> inPackage(folder.get().relativize(p), pkg.get())).limit(2).toList();
            return found.size() == 1 ? inWorkspace(found.get(0)) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** A path relative to the submission's folder, as the workflow names it. */
    private Optional<String> inFolder(String relative) {
        return folder.flatMap(f -> inWorkspace(f.resolve(relative)));
    }

    private Optional<String> inWorkspace(Path file) {
        Path relative = workspace.relativize(file.toAbsolutePath().normalize());
        return relative.startsWith("..") ? Optional.empty() : Optional.of(relative.toString().replace('\\', '/'));
    }

    /** {@code ::error file=F,line=L,title=T::message}, escaped as the runner unescapes it. */
    static String command(String level, Optional<String> file, String line, String title, String message) {
        List<String> properties = new ArrayList<>();
        file.ifPresent(f -> properties.add("file=" + property(f)));
        if (file.isPresent() && line != null) {
            properties.add("line=" + line);
        }
        properties.add("title=" + property(Printable.of(title)));
        return "::" + level + " " + String.join(",", properties) + "::" + data(Printable.of(message));
    }

    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }

    private void append(String variable, String text) throws IOException {
        String file = env.get(variable);
        if (file != null && !file.isBlank()) {
            Files.writeString(Path.of(file), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
