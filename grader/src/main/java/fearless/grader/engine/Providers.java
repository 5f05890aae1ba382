package fearless.grader.engine;

import fearless.grader.course.Course.ExerciseInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The registrations through which the grader finds a submission's implementations
 * ({@code META-INF/services}). A tree that registers none at all is not a submission, and two for
 * one exercise is ambiguous: both stop grading with one clear line. A single exercise without a
 * provider is graded, and its checks say what is missing. The registration files the checks read
 * are written by the grader, naming only classes the submission's own sources declare.
 */
final class Providers {

    private Providers() {
    }

    /**
     * Checks the registrations, and writes those that name a compiled class of the submission into
     * {@code classes}.
     *
     * @param refused receives one line for each registration that names a class the sources do not declare
     */
    static void install(Map<String, List<String>> registrations, Path classes, List<ExerciseInfo> exercises,
                        Map<String, List<String>> compileErrors, String treeName, List<String> refused) {
        int registered = 0;
        for (ExerciseInfo exercise : exercises) {
            List<String> names = registrations.getOrDefault(exercise.provider(), List.of());
            if (names.size() > 1) {
                throw new UsageException(treeName + " registers " + names.size() + " providers for exercise '"
                        + exercise.id() + "' (" + String.join(", ", names) + "): keep exactly one in META-INF/services/"
                        + exercise.provider());
            }
            registered += names.size();
        }
        if (registered == 0) {
            throw new UsageException(treeName + " registers no provider (META-INF/services/fearless.api...):"
                    + " is it a Fearless submission? Give 'solutions', 'exercises', or a folder holding src/main/java");
        }
        for (ExerciseInfo exercise : exercises) {
            List<String> declared = new ArrayList<>();
            for (String name : registrations.getOrDefault(exercise.provider(), List.of())) {
                if (Files.isRegularFile(classes.resolve(name.replace('.', '/') + ".class"))) {
                    declared.add(name);
                } else if (!compileErrors.containsKey(exercise.id())) {
                    refused.add("META-INF/services/" + exercise.provider() + ": " + name
                            + " is not a class the submission's sources declare");
                }
            }
            write(classes.resolve("META-INF/services/" + exercise.provider()), declared);
        }
    }

    private static void write(Path file, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", names) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
