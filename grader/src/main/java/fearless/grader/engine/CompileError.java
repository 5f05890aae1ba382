package fearless.grader.engine;

import fearless.grader.report.Printable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * One compile error as {@code javac} shows it to a person: the file and line, the message, and the
 * source line with a caret under the place. It is taken in the compiler's process, where the
 * source is at hand, and written out by the grader, which knows how the student names the file.
 *
 * @param file the compiled file's absolute path, or null when the error is in no file
 * @param line the line, from 1, or 0 when the error has no position
 * @param message the compiler's message (its first line says what, the others give details)
 * @param sourceLine the line as shown, or null: tabs expanded, control characters escaped, long
 *                   lines cut around the caret, so that the caret lands where it points
 * @param caret where the caret goes in {@code sourceLine}
 */
public record CompileError(String file, long line, String message, String sourceLine, int caret) {

    /** Tab stops as {@code javac} counts columns. */
    private static final int TAB = 8;

    /** Longer source lines are cut around the caret: one error must not fill the screen. */
    static final int MAX_WIDTH = 160;

    private static final String CUT = "...";

    /** Where a source line's text and its caret are, once made fit to print. */
    record Shown(String text, int caret) {
    }

    /**
     * @param lines the lines of the diagnostic's source, or an empty list when there is none
     */
    static CompileError of(Diagnostic<? extends JavaFileObject> diagnostic, List<String> lines) {
        JavaFileObject source = diagnostic.getSource();
        String file = source == null ? null : Path.of(source.toUri()).toString();
        long line = Math.max(0, diagnostic.getLineNumber());
        long column = diagnostic.getColumnNumber();
        String message = diagnostic.getMessage(Locale.ROOT);
        if (line == 0 || column <= 0 || line > lines.size()) {
            return new CompileError(file, line, message, null, 0);
        }
        Shown shown = show(lines.get((int) line - 1), column);
        return new CompileError(file, line, message, shown.text(), shown.caret());
    }

    /**
     * The source line fit to print, with the caret's place for {@code javac}'s column (from 1, with
     * tabs expanded to its stops of eight).
     */
    static Shown show(String line, long column) {
        StringBuilder expanded = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                expanded.append(" ".repeat(TAB - expanded.length() % TAB));
            } else {
                expanded.append(c);
            }
        }
        int before = (int) Math.min(column - 1, expanded.length());
        String text = Printable.of(expanded.toString());
        int past = (int) Math.min(column - 1 - before, MAX_WIDTH); // javac points past the end at times
        int caret = Printable.of(expanded.substring(0, before)).length() + past;
        if (text.length() <= MAX_WIDTH) {
            return new Shown(text, caret);
        }
        int start = Math.max(0, Math.min(caret - MAX_WIDTH / 2, text.length() - MAX_WIDTH));
        int end = Math.min(text.length(), start + MAX_WIDTH);
        String head = start > 0 ? CUT : "";
        return new Shown(head + text.substring(start, end) + (end < text.length() ? CUT : ""),
                head.length() + caret - start);
    }

    /**
     * The error as {@code javac} prints it: {@code file:line: error: message}, then the source
     * line and its caret, then the message's details.
     *
     * @param shownFile the file as the student names it, or null to leave it out
     */
    public String render(String shownFile) {
        String[] parts = message.split("\\R", 2);
        StringBuilder out = new StringBuilder();
        if (shownFile != null) {
            out.append(shownFile).append(line > 0 ? ":" + line : "").append(": ");
        }
        out.append("error: ").append(parts[0]);
        if (sourceLine != null) {
            out.append('\n').append(sourceLine).append('\n').append(" ".repeat(caret)).append('^');
        }
        if (parts.length > 1) {
            out.append('\n').append(parts[1]);
        }
        return out.toString();
    }
}
