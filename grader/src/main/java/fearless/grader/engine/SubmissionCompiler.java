package fearless.grader.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import fearless.grader.course.Course.ExerciseInfo;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Compiles a submission so that a compile error costs only the exercise it is in: the files of an
 * exercise that does not compile are set aside and the rest is compiled again, until what remains
 * compiles. The compiler runs in a process of its own ({@link CompilerMain}) with bounded time and
 * memory: a source that makes it hang or crash is charged to the exercise that holds it, found by
 * compiling each exercise alone. Annotation processing is off: compiling must not run student code.
 */
public final class SubmissionCompiler {

    /** Compiler messages kept per exercise: enough to fix the first errors, not a flood. */
    private static final int MAX_MESSAGES = 20;

    /** The owner of a file outside every exercise: its errors cost every exercise. */
    private static final String SHARED = "";

    private final String apiClassPath;
    private final Duration timeout;

    /** @param apiClassPath where the api's classes are, the only thing a submission compiles against */
    public SubmissionCompiler(String apiClassPath) {
        this(apiClassPath, Limits.compileTimeout());
    }

    SubmissionCompiler(String apiClassPath, Duration timeout) {
        this.apiClassPath = apiClassPath;
        this.timeout = timeout;
    }

    /** The outcome: compiled classes, and the compiler's messages for each exercise set aside. */
    public record Compiled(Path classes, Map<String, List<String>> errors) {
    }

    /** How one run of the compiler ended. */
    private sealed interface Attempt {
    }

    private record Clean() implements Attempt {
    }

    private record Errors(Map<String, List<String>> byExercise) implements Attempt {
    }

    /** The compiler did not finish (time, memory, a crash): nothing it said is a verdict on the code. */
    private record Broke(String reason) implements Attempt {
    }

    /**
     * Compiles what the exercises {@code asked} for need: their own files and the files outside
     * every exercise. The other exercises' files are left out, so a half-written exercise the
     * student is not grading cannot cost this one, and the compiler has less to do. If an exercise
     * asked for does not compile that way and its files name a package left out (it may use
     * another exercise's classes), everything is compiled, each exercise's errors charged to it
     * alone; an error of its own is reported at once, without a second compile.
     *
     * @param course every exercise of the course: a file belongs to the one whose package holds it
     */
    public Compiled compile(Path sources, Path shownSources, List<Path> files, List<ExerciseInfo> course,
                            List<ExerciseInfo> asked, Path classes) {
        List<String> askedIds = asked.stream().map(ExerciseInfo::id).toList();
        List<Path> needed = files.stream().filter(f -> {
            String owner = owner(sources, f, course);
            return owner.equals(SHARED) || askedIds.contains(owner);
        }).toList();
        Compiled narrow = compile(sources, shownSources, needed, course, classes);
        if (needed.size() == files.size() || askedIds.stream().noneMatch(narrow.errors()::containsKey)
                || !namesAny(needed, packagesOf(sources, files.stream().filter(f -> !needed.contains(f)).toList()))) {
            return narrow; // an error of its own: compiling the rest too would say the same, later
        }
        return compile(sources, shownSources, files, course, classes);
    }

    /** The packages the files are in, as their folders below {@code sources} spell them. */
    private static List<String> packagesOf(Path sources, List<Path> files) {
        return files.stream().map(f -> sources.relativize(f).getParent())
                .filter(java.util.Objects::nonNull)
                .map(dir -> dir.toString().replace(File.separatorChar, '.')).distinct().toList();
    }

    /** Whether a file names one of the packages: only then can it use classes that were left out. */
    private static boolean namesAny(List<Path> files, List<String> packages) {
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                return true; // the compiler will say what it makes of it
            }
            if (packages.stream().anyMatch(text::contains)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param sources the root the files are below, for owners and messages
     * @param shownSources the same root as the student names it (messages name files from here)
     * @param files the {@code .java} files to compile
     */
    public Compiled compile(Path sources, Path shownSources, List<Path> files, List<ExerciseInfo> exercises,
                            Path classes) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        while (true) {
            List<Path> kept = files.stream().filter(f -> !errors.containsKey(owner(sources, f, exercises))).toList();
            Attempt attempt = run(sources, shownSources, kept, exercises, classes);
            if (attempt instanceof Clean) {
                break;
            }
            if (attempt instanceof Errors found) {
                if (found.byExercise().containsKey(SHARED)) {
                    List<String> shared = found.byExercise().get(SHARED);
                    exercises.forEach(e -> errors.putIfAbsent(e.id(), shared));
                    clean(classes);
                    break;
                }
                errors.putAll(found.byExercise());
                continue;
            }
            String reason = ((Broke) attempt).reason();
            if (!isolate(sources, shownSources, kept, exercises, classes, errors)) {
                exercises.forEach(e -> errors.putIfAbsent(e.id(), List.of(reason)));
                clean(classes);
                break;
            }
        }
        return new Compiled(classes, errors);
    }

    /**
     * Compiles each exercise still kept on its own (with the files outside every exercise) and
     * charges those whose compile breaks. Whether any was found.
     */
    private boolean isolate(Path sources, Path shownSources, List<Path> kept, List<ExerciseInfo> exercises,
                            Path classes, Map<String, List<String>> errors) {
        boolean found = false;
        for (ExerciseInfo exercise : exercises) {
            List<Path> alone = kept.stream().filter(f -> {
                String owner = owner(sources, f, exercises);
                return owner.equals(exercise.id()) || owner.equals(SHARED);
            }).toList();
            if (alone.stream().noneMatch(f -> owner(sources, f, exercises).equals(exercise.id()))) {
                continue;
            }
            if (run(sources, shownSources, alone, exercises, classes) instanceof Broke broke) {
                errors.put(exercise.id(), List.of(broke.reason()));
                found = true;
            }
        }
        return found;
    }

    private static String owner(Path sources, Path file, List<ExerciseInfo> exercises) {
        return ExerciseFiles.owner(sources.relativize(file), exercises).map(ExerciseInfo::id).orElse(SHARED);
    }

    private Attempt run(Path sources, Path shownSources, List<Path> files, List<ExerciseInfo> exercises,
                        Path classes) {
        clean(classes);
        if (files.isEmpty()) {
            return new Clean();
        }
        List<String> flags = List.of("-Xmx512m", "-Xss8m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData");
        List<Path> classPath = ClassPath.entries(System.getProperty("java.class.path"));
        SharedArchive archive = SharedArchive.of("compiler", classPath, flags);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(flags);
        command.addAll(archive.options());
        command.addAll(List.of("-cp", ClassPath.join(classPath), CompilerMain.class.getName(), classes.toString(),
                apiClassPath));
        ProcessBuilder builder = new ProcessBuilder(command).directory(classes.toFile());
        builder.environment().clear();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            archive.settle(false);
            throw new UncheckedIOException("cannot start the compiler", e);
        }
        ChildProcess.OutputTail out = new ChildProcess.OutputTail(1 << 20);
        ChildProcess.OutputTail err = new ChildProcess.OutputTail(8 * 1024);
        Thread outReader = ChildProcess.daemon("fearless-javac-out", () -> out.drain(process.getInputStream()));
        ChildProcess.daemon("fearless-javac-err", () -> err.drain(process.getErrorStream()));
        try (OutputStream stdin = process.getOutputStream()) {
            StringBuilder list = new StringBuilder();
            files.forEach(f -> list.append(f).append('\n'));
            stdin.write(list.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException gone) {
            // It ended already; its exit code says how.
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                archive.settle(false);
                return new Broke("the compiler did not finish within " + timeout.toSeconds()
                        + " s on these sources, so it was stopped (deeply nested expressions or generics?)");
            }
            outReader.join(2_000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            archive.settle(false);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling", e);
        }
        int code = process.exitValue();
        archive.settle(code == 0 || code == CompilerMain.ERRORS);
        String words = err.text().strip().replace("\t", "    "); // a stack trace's tabs, not escaped on screen
        if (code == 0) {
            return new Clean();
        }
        if (code == CompilerMain.ERRORS) {
            Map<String, List<String>> byExercise = messages(out.text(), sources, shownSources, exercises);
            if (!byExercise.isEmpty()) {
                return new Errors(byExercise);
            }
        }
        if (code != CompilerMain.ERRORS && code != CompilerMain.CRASHED && code < 128) {
            // Not javac's verdict on the sources (those codes are its own, and a signal is >= 128):
            // the compiler's process could not run at all.
            throw new IllegalStateException("the compiler's process failed to run (exit code " + code + "): " + words);
        }
        return new Broke((code == CompilerMain.CRASHED ? "the compiler crashed on these sources"
                : "the compiler failed on these sources (exit code " + code + ")") + (words.isEmpty() ? "" : ":\n" + words));
    }

    private static Map<String, List<String>> messages(String jsonLines, Path sources, Path shownSources,
                                                      List<ExerciseInfo> exercises) {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (String line : jsonLines.split("\n")) {
            if (line.isBlank() || !line.startsWith("{")) {
                continue;
            }
            CompileError error;
            try {
                error = json.readValue(line, CompileError.class);
            } catch (IOException unreadable) {
                continue;
            }
            Path file = error.file() == null ? null : Path.of(error.file());
            boolean inside = file != null && file.startsWith(sources);
            String exercise = inside ? owner(sources, file, exercises) : SHARED;
            List<String> listed = errors.computeIfAbsent(exercise, k -> new ArrayList<>());
            if (listed.size() < MAX_MESSAGES) {
                // Paths as the student names them: nothing of the grader's private copy shows.
                String shown = inside ? shownSources.resolve(sources.relativize(file)).toString() : null;
                listed.add(error.render(shown).replace(sources + File.separator, shownPrefix(shownSources)));
            }
        }
        return errors;
    }

    private static String shownPrefix(Path shownSources) {
        return shownSources.toString().isEmpty() ? "" : shownSources + File.separator;
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
