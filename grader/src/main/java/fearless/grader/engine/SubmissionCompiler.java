package fearless.grader.engine;

import fearless.grader.course.Course.ExerciseInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a submission in the trusted parent, so that a compile error costs only the exercise it
 * is in: the files of an exercise that does not compile are set aside and the rest is compiled
 * again, until what remains compiles. Annotation processing is off: compiling must not run
 * student code.
 */
public final class SubmissionCompiler {

    /** Compiler messages kept per exercise: enough to fix the first errors, not a flood. */
    private static final int MAX_MESSAGES = 20;

    /** The owner of a file outside every exercise: its errors cost every exercise. */
    private static final String SHARED = "";

    private final String apiClassPath;

    /** @param apiClassPath where the api's classes are, the only thing a submission compiles against */
    public SubmissionCompiler(String apiClassPath) {
        this.apiClassPath = apiClassPath;
    }

    /** The outcome: compiled classes, and the compiler's messages for each exercise set aside. */
    public record Compiled(Path classes, Map<String, List<String>> errors) {
    }

    public Compiled compile(SubmissionTree tree, List<ExerciseInfo> exercises, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the grader on a JDK, not a JRE");
        }
        List<Path> files = tree.javaFiles();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        while (true) {
            List<Path> kept = files.stream().filter(f -> !errors.containsKey(owner(tree, f, exercises))).toList();
            Map<String, List<String>> round = compileOnce(javac, tree, kept, exercises, classes);
            if (round.isEmpty()) {
                break;
            }
            if (round.containsKey(SHARED)) {
                List<String> shared = round.get(SHARED);
                exercises.forEach(e -> errors.put(e.id(), shared));
                clean(classes);
                break;
            }
            errors.putAll(round);
        }
        tree.resources().ifPresent(resources -> FileTrees.copy(resources, classes, p -> !p.toString().endsWith(".java")));
        return new Compiled(classes, errors);
    }

    private static String owner(SubmissionTree tree, Path file, List<ExerciseInfo> exercises) {
        return ExerciseFiles.owner(tree.sources().relativize(file), exercises).map(ExerciseInfo::id).orElse(SHARED);
    }

    private Map<String, List<String>> compileOnce(JavaCompiler javac, SubmissionTree tree, List<Path> files,
                                                  List<ExerciseInfo> exercises, Path classes) {
        clean(classes);
        if (files.isEmpty()) {
            return Map.of();
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-proc:none", "--release", "17", "-encoding", "UTF-8", "-Xlint:none",
                    "-g", "-classpath", apiClassPath, "-d", classes.toString());
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            javac.getTask(null, fm, diagnostics, options, null, units).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            Optional<Path> file = Optional.ofNullable(d.getSource()).map(s -> Path.of(s.toUri()));
            String exercise = file.map(f -> owner(tree, f, exercises)).orElse(SHARED);
            List<String> messages = errors.computeIfAbsent(exercise, k -> new ArrayList<>());
            if (messages.size() < MAX_MESSAGES) {
                String where = file.map(f -> tree.sources().relativize(f) + ":" + d.getLineNumber() + ": ").orElse("");
                messages.add(where + d.getMessage(Locale.ROOT));
            }
        }
        return errors;
    }

    private static void clean(Path dir) {
        FileTrees.delete(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
