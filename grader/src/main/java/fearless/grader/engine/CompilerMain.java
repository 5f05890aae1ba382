package fearless.grader.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The compiler's own process: compiles the files named on stdin and prints one JSON line per
 * error on stdout (a {@link CompileError}, with its source line). It runs apart from the grader so
 * that a source that makes {@code javac} run for minutes or crash is stopped and reported, not
 * waited for or mistaken for a clean compile. Exit codes: 0 compiled, {@value #ERRORS} compile
 * errors, {@value #CRASHED} the compiler itself failed (its words on stderr); any other code is
 * this process failing to start, which is the grader's fault, not the submission's.
 */
public final class CompilerMain {

    /** The exit code that says the sources have compile errors (listed on stdout). */
    static final int ERRORS = 10;

    /** The exit code that says the compiler itself failed. */
    static final int CRASHED = 11;

    private CompilerMain() {
    }

    /** @param args the output folder and the class path to compile against; files come on stdin */
    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            files.add(Path.of(line));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        java.io.StringWriter said = new java.io.StringWriter();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-proc:none", "--release", "17", "-encoding", "UTF-8", "-Xlint:none",
                    "-implicit:none", "-g", "-classpath", args[1], "-d", args[0]);
            ok = javac.getTask(said, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
        } catch (Throwable crash) {
            System.err.println("the compiler crashed: " + crash);
            Throwable cause = crash.getCause();
            if (cause != null) {
                System.err.println("caused by: " + cause);
            }
            System.err.flush();
            Runtime.getRuntime().halt(CRASHED);
            return;
        }
        if (!ok && diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR)) {
            // Failed without a single error: javac itself broke (it says why in its first lines).
            said.toString().lines().filter(l -> !l.isBlank()).limit(6).forEach(System.err::println);
            System.err.flush();
            Runtime.getRuntime().halt(CRASHED);
        }
        ObjectMapper json = new ObjectMapper();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int errors = 0;
        Map<JavaFileObject, List<String>> sources = new HashMap<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                List<String> lines = d.getSource() == null ? List.of()
                        : sources.computeIfAbsent(d.getSource(), CompilerMain::lines);
                out.println(json.writeValueAsString(CompileError.of(d, lines)));
                errors++;
            }
        }
        out.flush();
        // An orderly exit (javac leaves no hooks or threads that could hold it up): the JVM writes
        // its class-data archive only then (SharedArchive).
        System.exit(ok && errors == 0 ? 0 : ERRORS);
    }

    /** The lines of a compiled file, as the compiler read them (line ends as it counts them). */
    private static List<String> lines(JavaFileObject source) {
        try {
            return source.getCharContent(true).toString().lines().toList();
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }
}
