package fearless.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.api.Result;
import fearless.grader.course.Course;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compile error costs the exercise it is in, and only that one. */
class SubmissionCompilerTest {

    @TempDir
    Path dir;

    private final List<Course.ExerciseInfo> exercises = Course.load().exercises();

    @Test
    void a_broken_exercise_is_set_aside_and_the_rest_compiles() throws Exception {
        write("p/box/Fine.java", "package p.box; public class Fine { }");
        write("p/mutex/Broken.java", "package p.mutex; public class Broken { int x = }");
        write("p/dropscope/UsesBroken.java", "package p.dropscope; public class UsesBroken { p.mutex.Broken b; }");
        SubmissionCompiler.Compiled compiled = compile();

        assertTrue(Files.exists(compiled.classes().resolve("p/box/Fine.class")));
        assertEquals(List.of("mutex", "drop-scope"), List.copyOf(compiled.errors().keySet()));
        assertTrue(compiled.errors().get("mutex").get(0).startsWith("p/mutex/Broken.java:1: "),
                compiled.errors().get("mutex").toString());
    }

    @Test
    void an_error_outside_every_exercise_costs_them_all() throws Exception {
        write("p/box/Fine.java", "package p.box; public class Fine { }");
        write("p/util/Shared.java", "package p.util; public class Shared { oops }");
        SubmissionCompiler.Compiled compiled = compile();
        assertEquals(exercises.size(), compiled.errors().size());
    }

    @Test
    void a_clean_tree_has_no_errors() throws Exception {
        write("p/box/Fine.java", "package p.box; public class Fine { fearless.api.Result<Integer, String> r; }");
        assertTrue(compile().errors().isEmpty());
    }

    private SubmissionCompiler.Compiled compile() throws Exception {
        String api = Path.of(Result.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        SubmissionTree tree = SubmissionTree.resolve(dir.resolve("src").toString(), dir);
        return new SubmissionCompiler(api).compile(tree, exercises, dir.resolve("out"));
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve("src").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
