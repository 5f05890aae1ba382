package fearless.grader.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippet check is honest: it passes snippets whose fences tell the truth, and fails each
 * kind of false claim with a message that names the snippet and shows what rustc said.
 */
class SnippetCheckTest {

    private static Rustc rustc;

    @TempDir
    Path work;

    @BeforeAll
    static void rustc() {
        rustc = Rustc.onPath();
    }

    @Test
    void true_claims_pass() throws Exception {
        assertPasses("```rust,compile_fail,E0499\nlet mut v = vec![1];\nlet a = &mut v;\nlet b = &mut v;\n"
                + "a.push(1);\nb.push(2);\n```\n");
        assertPasses("```rust\nlet s = String::from(\"hi\");\nprintln!(\"{s}\");\n```\n\n```text,output\nhi\n```\n");
        assertPasses("```rust,should_panic\nlet v: Vec<i32> = Vec::new();\nprintln!(\"before\");\nv[0];\n```\n"
                + "```text,output\nbefore\nindex out of bounds: the len is 0 but the index is 0\n```\n");
        assertPasses("```rust,no_run\nloop {}\n```\n");
    }

    @Test
    void a_snippet_that_claims_compile_fail_but_compiles_fails() throws Exception {
        String failure = failure("```rust,compile_fail,E0382\nlet s = String::new();\nlet t = s.clone();\n"
                + "println!(\"{s}{t}\");\n```\n");
        assertTrue(failure.startsWith("course-notes/09-test.md:1: ```rust,compile_fail,E0382 says rustc refuses it with"
                + " E0382, but rustc compiles it"), failure);
    }

    @Test
    void a_snippet_that_claims_an_error_code_rustc_does_not_give_fails_and_shows_the_diagnostics() throws Exception {
        String failure = failure("intro\n```rust,compile_fail,E0499\nlet mut s = String::new();\nlet r = &s;\n"
                + "s.push('a');\nprintln!(\"{r}\");\n```\n");
        assertTrue(failure.startsWith("course-notes/09-test.md:2: ```rust,compile_fail,E0499 says rustc refuses it with E0499,"
                + " but rustc gives E0502, not E0499"), failure);
        assertTrue(failure.contains("error[E0502]: cannot borrow `s` as mutable because it is also borrowed as immutable"),
                failure);
        assertTrue(failure.contains("--> course-notes/09-test.md:5:1"), "diagnostics point at the lesson's line: "
                + failure);
    }

    @Test
    void a_snippet_that_claims_to_compile_but_is_refused_fails() throws Exception {
        String failure = failure("```rust\nlet s = String::new();\nlet t = s;\nprintln!(\"{s}\");\n```\n");
        assertTrue(failure.contains("says it compiles and runs to exit 0, but rustc refuses it with E0382"), failure);
        assertTrue(failure.contains("--> course-notes/09-test.md:4:"), failure);
    }

    @Test
    void a_snippet_that_claims_to_run_but_panics_fails() throws Exception {
        String failure = failure("```rust\nlet v: Vec<i32> = Vec::new();\nprintln!(\"{}\", v[3]);\n```\n");
        assertTrue(failure.contains("says it compiles and runs to exit 0, but it panics"), failure);
        assertTrue(failure.contains("panicked at course-notes/09-test.md:3:"), failure);
        assertTrue(failure.contains("index out of bounds"), failure);
    }

    @Test
    void a_snippet_that_claims_to_panic_but_runs_to_the_end_fails() throws Exception {
        String failure = failure("```rust,should_panic\nprintln!(\"fine\");\n```\n");
        assertTrue(failure.contains("says it compiles and panics when run, but it runs to exit 0, no panic"), failure);
        assertTrue(failure.contains("fine"), failure);
    }

    @Test
    void an_output_line_the_program_does_not_print_fails() throws Exception {
        String failure = failure("```rust\nprintln!(\"drop b\");\nprintln!(\"drop a\");\n```\n"
                + "```text,output\ndrop b\ndrop c\n```\n");
        assertTrue(failure.contains("printing its output block, but the output block's line `drop c` is not in what it"
                + " printed"), failure);
        assertTrue(failure.contains("  | drop a"), "shows what it printed: " + failure);
        String panicText = failure("```rust,should_panic\nlet v: Vec<i32> = Vec::new();\nv[0];\n```\n"
                + "```text,output\nalready borrowed\n```\n");
        assertTrue(panicText.contains("the output block's line `already borrowed` is not in what it printed"), panicText);
    }

    @Test
    void output_lines_must_come_in_the_blocks_order() throws Exception {
        String failure = failure("```rust\nprintln!(\"drop a\");\nprintln!(\"drop b\");\n```\n"
                + "```text,output\ndrop b\ndrop a\n```\n");
        assertTrue(failure.contains("`drop a` is printed, but before the line the block puts ahead of it"), failure);
    }

    @Test
    void a_snippet_that_never_ends_is_stopped_at_the_limit() throws Exception {
        long start = System.nanoTime();
        String failure = failure("```rust\nloop { std::thread::yield_now(); }\n```\n");
        assertTrue(failure.contains("but it did not finish in 1 s"), failure);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "the limit holds");
    }

    @Test
    void output_lines_are_found_in_order_within_lines() {
        assertEquals(Optional.empty(), SnippetCheck.outputMissing(List.of("b", "c"), "a b\nc\n"));
        assertEquals(Optional.empty(), SnippetCheck.outputMissing(List.of(), ""));
        assertTrue(SnippetCheck.outputMissing(List.of("x"), "a\nb\n").isPresent());
        assertTrue(SnippetCheck.outputMissing(List.of("b", "b"), "b\n").isPresent(), "one printed line per block line");
    }

    private void assertPasses(String markdown) throws Exception {
        Optional<String> failure = check(markdown);
        assertTrue(failure.isEmpty(), failure.orElse(""));
    }

    private String failure(String markdown) throws Exception {
        return check(markdown).orElseThrow(() -> new AssertionError("passed, but is false:\n" + markdown));
    }

    private Optional<String> check(String markdown) throws Exception {
        assumeTrue(rustc.available(), rustc::unavailable);
        List<RustSnippet> snippets = LessonSnippets.parse("course-notes/09-test.md", markdown);
        assertEquals(1, snippets.size(), snippets.toString());
        return new SnippetCheck(rustc, Duration.ofSeconds(60), Duration.ofSeconds(1)).check(snippets.get(0), work);
    }
}
