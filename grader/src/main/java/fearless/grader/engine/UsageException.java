package fearless.grader.engine;

import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;

/** The user asked for something that cannot be graded: one clear line, a usage exit code. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    /** The exercise {@code id} of {@code course}, or the answer that names the real ones. */
    public static ExerciseInfo requireExercise(Course course, String id) {
        return course.exercise(id).orElseThrow(() -> new UsageException("no exercise '" + id
                + "'; the exercises are: " + String.join(", ", course.exercises().stream().map(ExerciseInfo::id).toList())));
    }
}
