package fearless.grader.engine;

import fearless.grader.course.Course.ExerciseInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The registrations through which the grader finds a submission's implementations
 * ({@code META-INF/services}). A tree that registers none at all is not a submission, and two for
 * one exercise is ambiguous: both stop grading with one clear line. A single exercise without a
 * provider is graded, and its checks say what is missing.
 */
final class Providers {

    private Providers() {
    }

    static void verify(Path classes, List<ExerciseInfo> exercises, SubmissionTree tree) {
        int registered = 0;
        for (ExerciseInfo exercise : exercises) {
            List<String> names = registrations(classes.resolve("META-INF/services/" + exercise.provider()));
            if (names.size() > 1) {
                throw new UsageException(tree.name() + " registers " + names.size() + " providers for exercise '"
                        + exercise.id() + "' (" + String.join(", ", names) + "): keep exactly one in META-INF/services/"
                        + exercise.provider());
            }
            registered += names.size();
        }
        if (registered == 0) {
            throw new UsageException(tree.name() + " registers no provider (META-INF/services/fearless.api...):"
                    + " is it a Fearless submission? Give 'solutions', 'exercises', or a folder holding src/main/java");
        }
    }

    private static List<String> registrations(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
