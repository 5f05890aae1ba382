package fearless.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.api.Result;
import fearless.grader.course.Course;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compile error costs the exercise it is in, and only that one, and reads as {@code javac} prints
 * it: the file as the student names it, the line, the source line and a caret.
 */
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
        assertTrue(compiled.errors().get("mutex").get(0).startsWith("p/mutex/Broken.java:1: error: "),
                compiled.errors().get("mutex").toString());
        // Charged to the file that uses the exercise set aside, as an error in that file.
        assertTrue(compiled.errors().get("drop-scope").get(0).startsWith("p/dropscope/UsesBroken.java:1: error: "),
                compiled.errors().get("drop-scope").toString());
    }

    @Test
    void grading_one_exercise_leaves_the_others_files_out_so_their_errors_cost_nothing() throws Exception {
        write("p/box/Fine.java", "package p.box; public class Fine { p.Shared s; }");
        write("p/Shared.java", "package p; public class Shared { }");
        write("p/mutex/HalfWritten.java", "package p.mutex; public class HalfWritten { int x = }");
        SubmissionCompiler.Compiled compiled = compileFor("box");

        assertEquals(List.of(), List.copyOf(compiled.errors().keySet()));
        assertTrue(Files.exists(compiled.classes().resolve("p/box/Fine.class")));
        assertTrue(Files.exists(compiled.classes().resolve("p/Shared.class")), "files outside every exercise are kept");
        assertFalse(Files.exists(compiled.classes().resolve("p/mutex")), "another exercise's files are left out");
    }

    @Test
    void an_error_of_the_exercise_graded_is_its_own_and_the_others_stay_out() throws Exception {
        write("p/box/Broken.java", "package p.box; public class Broken { int x = }");
        write("p/mutex/Fine.java", "package p.mutex; public class Fine { }");
        SubmissionCompiler.Compiled compiled = compileFor("box");

        assertEquals(List.of("box"), List.copyOf(compiled.errors().keySet()), compiled.errors().toString());
        assertFalse(Files.exists(compiled.classes().resolve("p/mutex")), "no second compile with every file");
    }

    @Test
    void an_exercise_that_uses_another_one_s_classes_is_compiled_with_them() throws Exception {
        write("p/channel/Queue.java", "package p.channel; public class Queue { }");
        write("p/pipeline/Stages.java", "package p.pipeline; public class Stages { p.channel.Queue q; }");
        write("p/mutex/HalfWritten.java", "package p.mutex; public class HalfWritten { int x = }");
        SubmissionCompiler.Compiled compiled = compileFor("pipeline");

        assertEquals(List.of("mutex"), List.copyOf(compiled.errors().keySet()), compiled.errors().toString());
        assertTrue(Files.exists(compiled.classes().resolve("p/pipeline/Stages.class")));
    }

    @Test
    void a_syntax_error_reads_as_javac_prints_it() throws Exception {
        Path file = write("p/box/OwnedBox.java", """
                package p.box;

                public class OwnedBox {
                    private int value;

                    int get() {
                        return value
                    }
                }
                """);
        List<String> errors = compile(Path.of("src/main/java")).errors().get("box");

        assertEquals(List.of("""
                src/main/java/p/box/OwnedBox.java:7: error: ';' expected
                        return value
                                    ^"""), errors);
        assertEquals(javac(file, "src/main/java/p/box/OwnedBox.java"), errors);
    }

    @Test
    void the_details_of_a_message_follow_its_source_line_as_in_javac() throws Exception {
        Path file = write("p/box/OwnedBox.java", """
                package p.box;

                public class OwnedBox {
                    int get() {
                        return nothing;
                    }

                    void set() {
                        value = 1;
                    }
                }
                """);
        List<String> errors = compile(Path.of("src/main/java")).errors().get("box");

        assertEquals(List.of("""
                src/main/java/p/box/OwnedBox.java:5: error: cannot find symbol
                        return nothing;
                               ^
                  symbol:   variable nothing
                  location: class p.box.OwnedBox""", """
                src/main/java/p/box/OwnedBox.java:9: error: cannot find symbol
                        value = 1;
                        ^
                  symbol:   variable value
                  location: class p.box.OwnedBox"""), errors);
        // javac's command line shortens the class names it finds unambiguous; its API gives them in full.
        assertEquals(javac(file, "src/main/java/p/box/OwnedBox.java"),
                errors.stream().map(e -> e.replace("class p.box.OwnedBox", "class OwnedBox")).toList());
    }

    @Test
    void tabs_are_expanded_so_that_the_caret_stays_under_its_place() throws Exception {
        write("p/box/Tabbed.java", "package p.box;\nclass Tabbed {\n\tint a = x;\n  \tint b =\ty;\n}\n");
        List<String> errors = compile().errors().get("box");

        assertEquals(List.of("""
                p/box/Tabbed.java:3: error: cannot find symbol
                        int a = x;
                                ^
                  symbol:   variable x
                  location: class p.box.Tabbed""", """
                p/box/Tabbed.java:4: error: cannot find symbol
                        int b = y;
                                ^
                  symbol:   variable y
                  location: class p.box.Tabbed"""), errors);
    }

    @Test
    void control_characters_in_the_source_line_are_escaped_and_the_caret_follows() throws Exception {
        write("p/box/Loud.java", "package p.box;\nclass Loud { String s = \"\u001b[2K\u202e\"; int a = x; }\n");
        String error = compile().errors().get("box").get(0);

        List<String> lines = error.lines().toList();
        assertEquals("class Loud { String s = \"\\x1b[2K\\u202e\"; int a = x; }", lines.get(1));
        assertEquals(lines.get(1).indexOf("x; }"), lines.get(2).indexOf('^'), error);
    }

    @Test
    void no_message_names_the_graders_private_folder() throws Exception {
        write("p/box/OwnedBox.java", "package p.box; public class Wrong { }");
        write("p/mutex/Dup.java", "package p.mutex; class Dup { } class Dup { }");
        SubmissionCompiler.Compiled compiled = compile(Path.of("src/main/java"));

        assertEquals(List.of("box", "mutex"), List.copyOf(compiled.errors().keySet()));
        assertTrue(compiled.errors().get("box").get(0).startsWith(
                "src/main/java/p/box/OwnedBox.java:1: error: class Wrong is public, should be declared in a file named"
                        + " Wrong.java"), compiled.errors().toString());
        compiled.errors().values().stream().flatMap(List::stream)
                .forEach(message -> assertFalse(message.contains(dir.toString()), message));
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
        assertFalse(message.contains("\t"), "a tab would show escaped on the console: " + message);
        assertTrue(Files.exists(compiled.classes().resolve("p/box/Fine.class")));
    }

    /** What {@code javac} itself prints for {@code file} when given it as {@code shown}, one entry per error. */
    private List<String> javac(Path file, String shown) throws Exception {
        String api = Path.of(Result.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, err, "-proc:none", "-implicit:none",
                "-classpath", api, "-d", dir.resolve("javac").toString(), file.toString());
        assertEquals(1, rc);
        String text = err.toString(StandardCharsets.UTF_8).replace(file.toString(), shown);
        text = text.substring(0, text.lastIndexOf('\n', text.length() - 2)); // the count of errors
        return List.of(text.split("\n(?=" + Pattern.quote(shown) + ":)"));
    }

    private SubmissionCompiler.Compiled compile() throws Exception {
        return compile(Duration.ofSeconds(30));
    }

    private SubmissionCompiler.Compiled compile(Path shownSources) throws Exception {
        return compile(Duration.ofSeconds(30), shownSources);
    }

    private SubmissionCompiler.Compiled compile(Duration timeout) throws Exception {
        return compile(timeout, Path.of(""));
    }

    private SubmissionCompiler.Compiled compile(Duration timeout, Path shownSources) throws Exception {
        String api = Path.of(Result.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Path sources = dir.resolve("src");
        List<Path> files;
        try (var walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        return new SubmissionCompiler(api, timeout).compile(sources, shownSources, files, exercises,
                dir.resolve("out"));
    }

    private SubmissionCompiler.Compiled compileFor(String exercise) throws Exception {
        String api = Path.of(Result.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Path sources = dir.resolve("src");
        List<Path> files;
        try (var walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        return new SubmissionCompiler(api, Duration.ofSeconds(30)).compile(sources, Path.of(""), files, exercises,
                exercises.stream().filter(e -> e.id().equals(exercise)).toList(), dir.resolve("out"));
    }

    private Path write(String path, String text) throws IOException {
        Path file = dir.resolve("src").resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
