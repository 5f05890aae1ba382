package fearless.grader.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fence reader: what each info string claims, how a snippet is wrapped, which output block is its own. */
class LessonSnippetsTest {

    private static final String LESSON = "course-notes/09-test.md";

    @Test
    void the_info_string_states_the_outcome_in_rustdoc_words() {
        assertClaims("rust", Outcome.RUNS, Set.of());
        assertClaims("rust,compile_fail,E0499", Outcome.REFUSED, Set.of("E0499"));
        assertClaims("rust,compile_fail,E0499,E0502", Outcome.REFUSED, Set.of("E0499", "E0502"));
        assertClaims("rust compile_fail E0499", Outcome.REFUSED, Set.of("E0499"));
        assertClaims("rust,should_panic", Outcome.PANICS, Set.of());
        assertClaims("rust,no_run", Outcome.COMPILES, Set.of());
    }

    @Test
    void a_fence_with_no_outcome_the_test_knows_is_a_problem_named_by_its_line() {
        assertProblem("rust,ignore", "unknown word `ignore`");
        assertProblem("rust,edition2018", "unknown word `edition2018`");
        assertProblem("rust,compile_fail,e0499", "unknown word `e0499`");
        assertProblem("rust,compile_fail", "does not say which error");
        assertProblem("rust,E0499", "names E0499 without compile_fail");
        assertProblem("rust,compile_fail,E0499,should_panic", "claims 2 outcomes");
        assertProblem("rustc", "`rustc` is not `rust`");
        RustSnippet snippet = only("intro\n\n```rust,ignore\nfn main() {}\n```\n");
        assertEquals(3, snippet.line());
        assertEquals("09-test.md:3", snippet.name());
        String message = SnippetCheck.fenceProblems(snippet).orElseThrow();
        assertTrue(message.startsWith("course-notes/09-test.md:3: ```rust,ignore: unknown word `ignore`"), message);
    }

    @Test
    void an_error_comment_the_fence_does_not_claim_is_a_problem() {
        String body = "let s = String::new();\nlet t = s;\n"
                + "println!(\"{s}\"); // error[E0382]: borrow of moved value: `s`\n";
        RustSnippet unconverted = only("```rust\n" + body + "```\n");
        assertEquals(List.of("line 4 says error[E0382], but ```rust claims it compiles and runs to exit 0: write"
                + " ```rust,compile_fail,E0382 if rustc refuses it with E0382"), unconverted.problems());
        assertTrue(only("```rust,compile_fail,E0499\n" + body + "```\n").problems().get(0)
                .startsWith("line 4 says error[E0382], but ```rust,compile_fail,E0499 names E0499"));
        assertEquals(List.of(), only("```rust,compile_fail,E0382\n" + body + "```\n").problems());
        assertEquals(List.of(), only("```rust\nprintln!(\"error[E0382] is printed, not claimed\");\n```\n").problems());
    }

    @Test
    void a_snippet_without_main_is_wrapped_and_keeps_its_lesson_lines() {
        RustSnippet wrapped = only("a\nb\n```rust\nlet x = 1;\nprintln!(\"{x}\");\n```\n");
        List<String> source = wrapped.source().lines().toList();
        assertEquals("fn main() {", source.get(2), "main opens on the fence's own line");
        assertEquals("let x = 1;", source.get(3), "the body's first line is lesson line 4");
        assertEquals("println!(\"{x}\");", source.get(4));
        assertEquals("}", source.get(5));

        RustSnippet whole = only("a\n```rust\nfn helper() {}\n\nfn main() { helper(); }\n```\n");
        List<String> lines = whole.source().lines().toList();
        assertEquals("fn helper() {}", lines.get(2));
        assertEquals("fn main() { helper(); }", lines.get(4));
        assertEquals(5, lines.size(), "nothing wrapped around a snippet with its own main");
    }

    @Test
    void an_output_block_right_after_a_snippet_is_its_output() {
        RustSnippet snippet = only("```rust\nprintln!(\"a\");\n```\n\n```text,output\n  a \n\nb\n```\nmore text\n");
        assertEquals(List.of("a", "b"), snippet.output(), "non-empty lines, stripped");
        assertEquals(List.of(), snippet.problems());
        assertEquals(List.of(), only("```rust,should_panic\npanic!(\"x\");\n```\n```text,output\nx\n```\n").problems());
    }

    @Test
    void an_output_block_elsewhere_or_after_a_snippet_that_never_runs_is_a_problem() {
        List<RustSnippet> apart = LessonSnippets.parse(LESSON,
                "```rust\nfn main() {}\n```\nsome words\n```text,output\nx\n```\n");
        assertEquals(2, apart.size());
        assertEquals(List.of(), apart.get(0).output());
        assertEquals(5, apart.get(1).line());
        assertTrue(apart.get(1).problems().get(0).startsWith("an output block that follows no Rust snippet"));
        assertTrue(only("```rust,compile_fail,E0382\nlet a = 1;\n```\n```text,output\nx\n```\n").problems().get(0)
                .startsWith("an output block (line 4) after a snippet that is never run"));
        assertTrue(only("```rust,no_run\nloop {}\n```\n```text,output\nx\n```\n").problems().get(0)
                .contains("never run"));
        assertTrue(only("```rust\nlet a = 1;\n```\n```text,output\n\n```\n").problems().get(0)
                .startsWith("the output block at line 4 lists no line"));
        assertTrue(only("```rust\nlet a = 1;\n```\n```text,output,sorted\na\n```\n").problems().get(0)
                .startsWith("unknown word `sorted` in the output block's ```text,output,sorted (line 4)"));
    }

    @Test
    void only_rust_fences_count_and_fences_close_as_in_commonmark() {
        String markdown = """
                ```java
                int x = 1;
                ```
                ````markdown
                ```rust,ignore
                not a snippet: text of the markdown block
                ```
                ````
                  ```rust
                  let indented = 1;
                  ```
                """;
        List<RustSnippet> snippets = LessonSnippets.parse(LESSON, markdown);
        assertEquals(1, snippets.size(), snippets.toString());
        assertEquals(9, snippets.get(0).line());
        assertEquals("let indented = 1;", snippets.get(0).body());
        assertEquals(List.of(), snippets.get(0).problems());

        List<RustSnippet> open = LessonSnippets.parse(LESSON, "```java\nint x;\n\n```rust\nlet a = 1;\n");
        assertEquals(1, open.size());
        assertTrue(open.get(0).problems().get(0).contains("fence opened here is never closed"), open.toString());
    }

    private static RustSnippet only(String markdown) {
        List<RustSnippet> snippets = LessonSnippets.parse(LESSON, markdown);
        assertEquals(1, snippets.size(), snippets.toString());
        return snippets.get(0);
    }

    private static void assertClaims(String info, Outcome outcome, Set<String> codes) {
        RustSnippet snippet = only("```" + info + "\nlet a = 1;\n```\n");
        assertEquals(List.of(), snippet.problems(), info);
        assertEquals(outcome, snippet.outcome(), info);
        assertEquals(codes, snippet.codes(), info);
    }

    private static void assertProblem(String info, String problem) {
        RustSnippet snippet = only("```" + info + "\nlet a = 1;\n```\n");
        assertTrue(snippet.problems().stream().anyMatch(p -> p.contains(problem)), info + ": " + snippet.problems());
    }
}
