package fearless.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import org.junit.jupiter.api.Test;

/** The format of one compile error: where, what, the source line and a caret under the place. */
class CompileErrorTest {

    @Test
    void an_error_with_a_position_shows_its_line_and_a_caret() {
        CompileError error = CompileError.of(diagnostic("/tmp/copy/p/A.java", 2, 9, "';' expected"),
                List.of("class A {", "    int x", "}"));

        assertEquals("/tmp/copy/p/A.java", error.file());
        assertEquals("""
                p/A.java:2: error: ';' expected
                    int x
                        ^""", error.render("p/A.java"));
    }

    @Test
    void the_details_of_a_message_come_after_the_caret() {
        CompileError error = CompileError.of(diagnostic("/tmp/copy/p/A.java", 1, 5,
                "cannot find symbol\n  symbol:   variable y\n  location: class A"), List.of("int y;"));

        assertEquals("""
                p/A.java:1: error: cannot find symbol
                int y;
                    ^
                  symbol:   variable y
                  location: class A""", error.render("p/A.java"));
    }

    @Test
    void an_error_without_a_position_names_only_its_file() {
        CompileError error = CompileError.of(diagnostic("/tmp/copy/p/A.java", Diagnostic.NOPOS, Diagnostic.NOPOS,
                "file does not contain class p.B"), List.of("class A { }"));

        assertEquals("p/A.java: error: file does not contain class p.B", error.render("p/A.java"));
    }

    @Test
    void an_error_in_no_file_is_its_message_alone() {
        CompileError error = CompileError.of(diagnostic(null, Diagnostic.NOPOS, Diagnostic.NOPOS,
                "cannot access p.B"), List.of());

        assertEquals("error: cannot access p.B", error.render(null));
    }

    @Test
    void tabs_expand_to_javacs_stops_of_eight() {
        // javac counts the columns of "\tint a =\tb;" with its tabs expanded: b is at column 17.
        assertEquals(new CompileError.Shown("        int a = b;", 16), CompileError.show("\tint a =\tb;", 17));
        assertEquals(new CompileError.Shown("        x", 8), CompileError.show("  \tx", 9));
    }

    @Test
    void control_characters_are_escaped_and_the_caret_moves_with_them() {
        CompileError.Shown shown = CompileError.show("s = \"\u001b[2K\"; t = u;", 17);

        assertEquals("s = \"\\x1b[2K\"; t = u;", shown.text());
        assertEquals(shown.text().indexOf("u;"), shown.caret());
    }

    @Test
    void a_caret_past_the_end_of_the_line_stays_past_it() {
        assertEquals(new CompileError.Shown("class A {", 9), CompileError.show("class A {", 10));
    }

    @Test
    void a_long_line_is_cut_around_the_caret() {
        String line = "a".repeat(500) + "X" + "b".repeat(500);
        CompileError.Shown shown = CompileError.show(line, 501);

        assertTrue(shown.text().startsWith("...a") && shown.text().endsWith("b..."), shown.text());
        assertEquals(CompileError.MAX_WIDTH + 6, shown.text().length());
        assertEquals('X', shown.text().charAt(shown.caret()));
    }

    @Test
    void a_long_line_keeps_its_start_when_the_caret_is_near_it() {
        CompileError.Shown shown = CompileError.show("X" + "b".repeat(500), 1);

        assertEquals(0, shown.caret());
        assertTrue(shown.text().startsWith("Xbb") && shown.text().endsWith("b..."), shown.text());
    }

    @Test
    void it_travels_as_json_and_back() throws Exception {
        ObjectMapper json = new ObjectMapper();
        CompileError error = new CompileError("/tmp/copy/p/A.java", 3, "x", "  int x", 6);

        assertEquals(error, json.readValue(json.writeValueAsString(error), CompileError.class));
    }

    private static Diagnostic<JavaFileObject> diagnostic(String file, long line, long column, String message) {
        JavaFileObject source = file == null ? null
                : new SimpleJavaFileObject(URI.create("file://" + file), JavaFileObject.Kind.SOURCE) { };
        return new Diagnostic<>() {
            @Override
            public Kind getKind() {
                return Kind.ERROR;
            }

            @Override
            public JavaFileObject getSource() {
                return source;
            }

            @Override
            public long getPosition() {
                return line == NOPOS ? NOPOS : 0;
            }

            @Override
            public long getStartPosition() {
                return getPosition();
            }

            @Override
            public long getEndPosition() {
                return getPosition();
            }

            @Override
            public long getLineNumber() {
                return line;
            }

            @Override
            public long getColumnNumber() {
                return column;
            }

            @Override
            public String getCode() {
                return "compiler.err.test";
            }

            @Override
            public String getMessage(Locale locale) {
                return message;
            }
        };
    }
}
