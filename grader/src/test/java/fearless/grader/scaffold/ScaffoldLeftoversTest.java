package fearless.grader.scaffold;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An exercise made with {@code ./fearless new exercise} is finished only when nothing of the
 * scaffold's is left: this names every {@code TODO(scaffold)} still in the project, file and line,
 * so the author sees at once what remains to be written (course-notes/authoring.md).
 */
class ScaffoldLeftoversTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void no_scaffold_todo_is_left() {
        List<String> left = Leftovers.in(ROOT);
        assertTrue(left.isEmpty(), left.size() + " " + ExerciseScaffold.TODO + " left to write (see "
                + "course-notes/authoring.md):\n  " + String.join("\n  ", left));
    }
}
