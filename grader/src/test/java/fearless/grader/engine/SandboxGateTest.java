package fearless.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate charges a refused use to its exercise, and an exercise's manifest can widen what it may use. */
class SandboxGateTest {

    @TempDir
    Path dir;

    @Test
    void a_refused_use_costs_its_exercise_and_the_manifest_can_widen_the_list() throws Exception {
        Path source = dir.resolve("src/p/box/Logs.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package p.box; class Logs { Object l = java.util.logging.Logger.getGlobal(); }");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                source.toString()));
        List<ExerciseInfo> strict = Course.load().exercises();

        Map<String, List<String>> refused = SandboxGate.scan(ClassImage.read(classes), strict);
        assertEquals(List.of("box"), List.copyOf(refused.keySet()));
        assertTrue(refused.get("box").get(0).contains("java.util.logging.Logger"), refused.toString());

        List<ExerciseInfo> widened = strict.stream().map(e -> !e.id().equals("box") ? e
                : new ExerciseInfo(e.id(), e.title(), e.packageName(), e.provider(), e.points(), e.rules(), e.hints(),
                        List.of("class java.util.logging.Logger"))).toList();
        assertEquals(Map.of(), SandboxGate.scan(ClassImage.read(classes), widened));
    }
}
