package fearless.grader.engine;

import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.sandbox.AllowList;
import fearless.grader.sandbox.BytecodeScan;
import fearless.grader.sandbox.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    static Map<String, List<String>> scan(ClassImage image, List<ExerciseInfo> exercises) {
        AllowList standard = AllowList.standard();
        Map<String, AllowList> widened = new java.util.HashMap<>();
        exercises.forEach(e -> widened.put(e.id(), standard.plus(e.allow())));
        Map<String, byte[]> classes = new LinkedHashMap<>();
        image.files().forEach((path, bytes) -> {
            if (path.endsWith(".class")) {
                classes.put(path, bytes);
            }
        });
        BytecodeScan scan = new BytecodeScan(List.copyOf(classes.values()));
        Map<String, List<String>> found = new LinkedHashMap<>();
        classes.forEach((path, bytes) -> {
            List<ExerciseInfo> owner = ExerciseFiles.owner(Path.of(path), exercises).map(List::of).orElse(List.of());
            AllowList allowed = owner.isEmpty() ? standard : widened.get(owner.get(0).id());
            List<Violation> violations = scan.scan(bytes, path, allowed);
            if (violations.isEmpty()) {
                return;
            }
            for (ExerciseInfo exercise : owner.isEmpty() ? exercises : owner) {
                List<String> listed = found.computeIfAbsent(exercise.id(), k -> new ArrayList<>());
                violations.stream().limit(Math.max(0, MAX_LISTED - listed.size())).forEach(v -> listed.add(v.toString()));
            }
        });
        return found;
    }
}
