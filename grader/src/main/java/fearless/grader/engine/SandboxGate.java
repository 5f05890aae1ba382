package fearless.grader.engine;

import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.sandbox.AllowList;
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
 * The scan between compiling and running: an exercise whose classes use what the allow-list does
 * not allow is not run at all, and its checks say where and why. A class outside every exercise
 * charges them all, like a shared compile error. Each exercise is judged by the standard list
 * widened by its own {@code allow} lines in the course manifest.
 */
final class SandboxGate {

    /** Violations listed per exercise: enough to fix them, not a flood. */
    private static final int MAX_LISTED = 20;

    private SandboxGate() {
    }

    /** The violations of each exercise that has any, by exercise id. */
    static Map<String, List<String>> scan(Path classes, List<ExerciseInfo> exercises) {
        AllowList standard = AllowList.standard();
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            List<Path> files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            List<byte[]> bytes = new ArrayList<>();
            for (Path file : files) {
                bytes.add(Files.readAllBytes(file));
            }
            BytecodeScan scan = new BytecodeScan(bytes);
            for (int i = 0; i < files.size(); i++) {
                Path relative = classes.relativize(files.get(i));
                List<ExerciseInfo> owner = ExerciseFiles.owner(relative, exercises).map(List::of).orElse(List.of());
                AllowList allowed = owner.isEmpty() ? standard : standard.plus(owner.get(0).allow());
                List<Violation> violations = scan.scan(bytes.get(i), relative.toString(), allowed);
                if (violations.isEmpty()) {
                    continue;
                }
                for (ExerciseInfo exercise : owner.isEmpty() ? exercises : owner) {
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
