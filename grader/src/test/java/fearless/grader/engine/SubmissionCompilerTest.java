package fearless.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.api.Result;
import fearless.grader.course.Course;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    @Test
    void a_source_that_keeps_the_compiler_busy_is_stopped_and_charged_to_its_exercise() throws Exception {
        write("p/box/Fine.java", "package p.box; public class Fine { }");
        String nested = "1";
        for (int i = 0; i < 18; i++) {
            nested = "f(b ? " + nested + " : 0)";
        }
        write("p/mutex/Slow.java", "package p.mutex; class Slow { static boolean b; static <X> X f(X x) { return x; }"
                + " Object o = " + nested + "; }");
        long start = System.nanoTime();
        SubmissionCompiler.Compiled compiled = compile(Duration.ofSeconds(3));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "the compile was not bounded");
        assertEquals(List.of("mutex"), List.copyOf(compiled.errors().keySet()));
        assertTrue(compiled.errors().get("mutex").get(0).contains("did not finish within 3 s"),
                compiled.errors().toString());
        assertTrue(Files.exists(compiled.classes().resolve("p/box/Fine.class")));
    }

    @Test
    void a_compiler_crash_is_a_compile_error_in_its_own_words() throws Exception {
        write("p/box/Fine.java", "package p.box; public class Fine { }");
        write("p/dropscope/Deep.java", "package p.dropscope; class Deep { static int i; int x = "
                + String.join("+", java.util.Collections.nCopies(80_000, "i")) + "; }");
        SubmissionCompiler.Compiled compiled = compile();
        assertEquals(List.of("drop-scope"), List.copyOf(compiled.errors().keySet()));
        String message = compiled.errors().get("drop-scope").get(0);
        assertTrue(message.contains("StackOverflowError"), message);
        assertTrue(Files.exists(compiled.classes().resolve("p/box/Fine.class")));
    }

    private SubmissionCompiler.Compiled compile() throws Exception {
        return compile(Duration.ofSeconds(30));
    }

    private SubmissionCompiler.Compiled compile(Duration timeout) throws Exception {
        String api = Path.of(Result.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Path sources = dir.resolve("src");
        List<Path> files;
        try (var walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        return new SubmissionCompiler(api, timeout).compile(sources, files, exercises, dir.resolve("out"));
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve("src").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
