package fearless.grader.notes;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fenced Rust block of a lesson and what its info string claims rustc does with it: a promise
 * to the reader that {@link SnippetCheck} holds it to.
 *
 * @param lesson   the lesson's path in the kit, {@code course-notes/01-ownership.md}
 * @param line     the line of the opening fence, counted from 1
 * @param info     the info string as written, {@code rust,compile_fail,E0499}
 * @param body     the code between the fences
 * @param outcome  what the fence claims
 * @param codes    the error codes a {@code compile_fail} fence names
 * @param output   the non-empty lines of the {@code text,output} block right after it, trimmed, in order
 * @param problems what is wrong with the fence itself, each a sentence; nothing is compiled while there are any
 */
record RustSnippet(String lesson, int line, String info, String body, Outcome outcome, Set<String> codes,
        List<String> output, List<String> problems) {

    private static final Pattern MAIN = Pattern.compile("\\bfn\\s+main\\s*\\(");

    RustSnippet {
        codes = Set.copyOf(codes);
        output = List.copyOf(output);
        problems = List.copyOf(problems);
    }

    /** The test's name: the lesson's file name and the fence's line, {@code 01-ownership.md:60}. */
    String name() {
        return lesson.substring(lesson.lastIndexOf('/') + 1) + ":" + line;
    }

    /** Where the snippet is, for a message: {@code course-notes/01-ownership.md:60}. */
    String where() {
        return lesson + ":" + line;
    }

    /**
     * The program rustc compiles: the body, wrapped in {@code fn main() { ... }} when it has no
     * {@code fn main} (as rustdoc does), each line at its line number in the lesson, so that
     * rustc's diagnostics and panic locations point into the lesson.
     */
    String source() {
        String before = "\n".repeat(line - 1);
        return MAIN.matcher(body).find()
                ? before + "\n" + body + "\n"
                : before + "fn main() {\n" + body + "\n}\n";
    }
}
