package fearless.grader.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```java snippet of the notes compiles against the api (and the exercises' stubs, which a
 * lesson may name). A snippet is a few statements, a few members or whole types; what it uses
 * without declaring comes from a comment just above the fence that the reader does not see, as
 * rustdoc hides a doctest's setup lines:
 *
 * <pre>{@code
 * <!-- java: MutexProvider mutexes; -->
 * ```java
 * Mutex<Integer> m = mutexes.create(5);
 * ```
 * }</pre>
 *
 * The comment's package and imports go on top (each snippet is otherwise in a package of its own)
 * and the rest are members of the class the snippet lands in;
 * statements become the body of a method, unless the comment has a line {@code // snippet} to put
 * them in a method of its own. A compiler error is reported at the lesson's line.
 */
class JavaSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern CONTEXT = Pattern.compile("(?s)\\A\\s*<!--\\s*java:(.*?)-->\\s*\\z");
    private static final Pattern TYPE = Pattern.compile("(?m)^(?:public |final |abstract |sealed )*(?:class|interface|record|enum) (\\w+)");
    private static final Pattern MEMBER = Pattern.compile("^(?:@\\w+.*|(?:private|protected|public|static|final|abstract)\\b.*|synchronized\\b(?!\\s*\\().*"
            + "|[\\w<>\\[\\], ?]+\\s+\\w+\\s*\\([^;]*\\)\\s*(?:throws [\\w., ]+)?\\{.*)$");
    private static final List<String> IMPORTS = List.of("java.util.*", "java.util.function.*", "java.util.concurrent.*",
            "fearless.api.*", "fearless.api.ownership.*", "fearless.api.borrow.*", "fearless.api.cell.*", "fearless.api.rc.*",
            "fearless.api.tree.*", "fearless.api.mutex.*", "fearless.api.thread.*", "fearless.api.channel.*",
            "fearless.api.sync.*", "fearless.api.capstones.*");

    @TempDir
    static Path work;

    /** One snippet: where it stands, its code, and the setup comment above it. */
    record JavaSnippet(String file, int line, String code, String context) {

        String name() {
            return file + ":" + line;
        }

        String packageName(int index) {
            return "snippet" + index;
        }

        /** The compilation unit, and how many lines come before the snippet's first line in it. */
        Unit unit(int index) {
            String packageLine = "package " + packageName(index) + ";";
            StringBuilder imports = new StringBuilder();
            IMPORTS.forEach(i -> imports.append(" import ").append(i).append(';'));
            StringBuilder members = new StringBuilder();
            for (String line : context.lines().toList()) {
                if (line.strip().startsWith("package ")) {
                    packageLine = line.strip();
                } else if (line.strip().startsWith("import ")) {
                    imports.append(' ').append(line.strip());
                } else {
                    members.append(line).append('\n');
                }
            }
            StringBuilder head = new StringBuilder(packageLine).append(imports);
            head.append('\n');
            Matcher type = TYPE.matcher(code);
            if (type.find()) {
                return new Unit(type.group(1), head + members.toString().replaceAll("\\n", " ") + "\n", code);
            }
            String firstLine = code.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//"))
                    .findFirst().orElse("");
            String before;
            String after;
            if (MEMBER.matcher(firstLine).matches()) {
                before = "class Snippet { " + members.toString().replaceAll("\\n", " ") + "\n";
                after = "}\n";
            } else if (members.toString().contains("// snippet")) {
                int at = members.indexOf("// snippet");
                before = "class Snippet { " + members.substring(0, at).replaceAll("\\n", " ") + "\n";
                after = members.substring(at + "// snippet".length()).replaceAll("\\n", " ") + " }\n";
            } else {
                before = "class Snippet { " + members.toString().replaceAll("\\n", " ") + " void snippet() throws Exception {\n";
                after = "} }\n";
            }
            return new Unit("Snippet", head + before, code + after);
        }
    }

    /** A source file: the snippet's first line is line 3 (package and imports, then the opening). */
    record Unit(String className, String before, String code) {
        String source() {
            return before + code;
        }

        int firstSnippetLine() {
            return (int) before.lines().count() + 1;
        }
    }

    @TestFactory
    Stream<DynamicTest> every_java_snippet_compiles_against_the_api() throws IOException {
        List<JavaSnippet> snippets = read(CourseNotes.read(ROOT.resolve("course-notes")));
        assertFalse(snippets.isEmpty(), "no ```java snippet in the notes");
        Map<Integer, List<String>> errors = compile(snippets);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            JavaSnippet snippet = snippets.get(i);
            List<String> mine = errors.getOrDefault(i, List.of());
            tests.add(dynamicTest(snippet.name(), () -> assertEquals(List.of(), mine,
                    "course-notes/" + snippet.name() + " does not compile against the api")));
        }
        return tests.stream();
    }

    @Test
    void a_snippet_is_wrapped_as_statements_members_or_types() {
        JavaSnippet statements = new JavaSnippet("x.md", 3, "int a = 1;\n", "import java.io.File;\nint b;\n");
        Unit unit = statements.unit(1);
        assertTrue(unit.source().contains(" import java.io.File;"), unit.source());
        assertTrue(unit.before().endsWith("class Snippet { int b;  void snippet() throws Exception {\n"), unit.before());
        assertEquals(3, unit.firstSnippetLine());
        assertTrue(new JavaSnippet("x.md", 3, "private int a;\n", "").unit(1).before().endsWith("class Snippet { \n"));
        assertEquals("Kept", new JavaSnippet("x.md", 3, "public final class Kept {}\n", "").unit(1).className());
        Unit placed = new JavaSnippet("x.md", 3, "return 1;\n", "int f() {\n// snippet\n}\n").unit(1);
        assertTrue(placed.source().endsWith("return 1;\n }  }\n"), placed.source());
    }

    @Test
    void an_error_is_reported_at_the_lesson_line_of_the_snippet_that_has_it() throws IOException {
        JavaSnippet good = new JavaSnippet("x.md", 10, "Mutex<Integer> m = mutexes.create(1);\n", "MutexProvider mutexes;\n");
        JavaSnippet bad = new JavaSnippet("y.md", 20, "int a = 1;\nMutex<Integer> m = mutexes.create(\"s\");\n",
                "MutexProvider mutexes;\n");
        Map<Integer, List<String>> errors = compile(List.of(good, bad));
        assertEquals(List.of(1), List.copyOf(errors.keySet()), errors.toString());
        assertTrue(errors.get(1).get(0).startsWith("course-notes/y.md:22: incompatible types"), errors.toString());
    }

    private static List<JavaSnippet> read(CourseNotes notes) {
        List<JavaSnippet> snippets = new ArrayList<>();
        for (NotePage page : notes.pages()) {
            for (FencedCodeBlock fence : page.fences("java")) {
                Node previous = fence.getPrevious();
                String context = "";
                if (previous instanceof HtmlBlock html) {
                    Matcher m = CONTEXT.matcher(html.getLiteral());
                    if (m.matches()) {
                        context = m.group(1).strip() + "\n";
                    }
                }
                int line = fence.getSourceSpans().get(0).getLineIndex() + 1;
                snippets.add(new JavaSnippet(page.file(), line, fence.getLiteral(), context));
            }
        }
        return snippets;
    }

    /** Compiles every snippet in one go, each in a package of its own; returns each one's errors at lesson lines. */
    private static Map<Integer, List<String>> compile(List<JavaSnippet> snippets) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, Integer> byFile = new HashMap<>();
        Map<String, Unit> units = new HashMap<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            Unit unit = snippets.get(i).unit(i);
            Path file = work.resolve("src").resolve(snippets.get(i).packageName(i)).resolve(unit.className() + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, unit.source());
            byFile.put(file.toString(), i);
            units.put(file.toString(), unit);
            files.add(file);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-proc:none", "-implicit:none", "-Xlint:none", "-nowarn",
                    // one snippet's syntax error must not hide the others' type errors
                    "-XDshould-stop.ifError=FLOW",
                    "-d", Files.createDirectories(work.resolve("classes")).toString(),
                    "-classpath", System.getProperty("java.class.path"),
                    "-sourcepath", ROOT.resolve("exercises/src/main/java").toString());
            javac.getTask(null, manager, diagnostics, options, null, manager.getJavaFileObjectsFromPaths(files)).call();
        }
        Map<Integer, List<String>> errors = new HashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).toString();
            Integer index = byFile.get(file);
            if (index == null) {
                errors.computeIfAbsent(-1, k -> new ArrayList<>()).add(d.getMessage(Locale.ROOT));
                continue;
            }
            JavaSnippet snippet = snippets.get(index);
            long lessonLine = snippet.line() + (d.getLineNumber() - units.get(file).firstSnippetLine()) + 1;
            errors.computeIfAbsent(index, k -> new ArrayList<>())
                    .add("course-notes/" + snippet.file() + ":" + lessonLine + ": " + d.getMessage(Locale.ROOT));
        }
        assertEquals(List.of(), errors.getOrDefault(-1, List.of()), "errors outside the snippets");
        return errors;
    }
}
