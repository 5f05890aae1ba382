package fearless.grader.engine;

import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.sandbox.BytecodeScan;
import fearless.grader.sandbox.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The scan between compiling and running: an exercise whose classes use what a submission may not
 * touch is not run at all, and its checks say where and why. A class outside every exercise
 * charges them all, like a shared compile error.
 */
final class SandboxGate {

    /** Violations listed per exercise: enough to fix them, not a flood. */
    private static final int MAX_LISTED = 20;

    private SandboxGate() {
    }

    /** The violations of each exercise that has any, by exercise id. */
    static Map<String, List<String>> scan(Path classes, List<ExerciseInfo> exercises) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                List<Violation> violations = BytecodeScan.scan(file);
                if (violations.isEmpty()) {
                    continue;
                }
                List<ExerciseInfo> charged = ExerciseFiles.owner(classes.relativize(file), exercises)
                        .map(List::of).orElse(exercises);
                for (ExerciseInfo exercise : charged) {
                    List<String> listed = found.computeIfAbsent(exercise.id(), k -> new ArrayList<>());
                    violations.stream().limit(Math.max(0, MAX_LISTED - listed.size()))
                            .forEach(v -> listed.add(v.toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
