package fearless.grader.engine;

import fearless.grader.course.Course.ExerciseInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which exercise a submission file belongs to: the innermost folder named after an exercise's
 * package ({@code .../mutex/BasicMutex.java}, {@code .../mutex/BasicMutex$Guard.class}). This is
 * how a compile error or a forbidden call is charged to one exercise only.
 */
final class ExerciseFiles {

    private ExerciseFiles() {
    }

    /** @param relative the file's path below the source or class root */
    static Optional<ExerciseInfo> owner(Path relative, List<ExerciseInfo> exercises) {
        for (int i = relative.getNameCount() - 2; i >= 0; i--) {
            String segment = relative.getName(i).toString();
            for (ExerciseInfo exercise : exercises) {
                if (exercise.packageName().equals(segment)) {
                    return Optional.of(exercise);
                }
            }
        }
        return Optional.empty();
    }
}
