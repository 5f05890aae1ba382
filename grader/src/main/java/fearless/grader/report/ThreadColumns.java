package fearless.grader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the interleavings in a check's feedback, written as text with one column per thread, so
 * a page can show them as tables. Two layouts occur: Lincheck's bordered tables
 * ({@code | Thread 1 | Thread 2 |} between {@code | ---- |} lines, a border inside the body
 * marking what happens before and after the parallel part) and plain columns
 * ({@code thread 1 | thread 2}, then one row per step). Everything else stays text, line for line.
 */
public final class ThreadColumns {

    /** A piece of feedback: plain text or an interleaving. */
    public sealed interface Part permits Text, Trace {
    }

    /** Lines of feedback shown as they are. */
    public record Text(String text) implements Part {
    }

    /**
     * An interleaving: the threads' names, then its steps in sections (Lincheck's borders), each
     * step one cell per thread, empty where that thread did nothing.
     */
    public record Trace(List<String> threads, List<List<List<String>>> sections) implements Part {
        public Trace {
            threads = List.copyOf(threads);
            sections = sections.stream().map(s -> s.stream().map(List::copyOf).toList()).toList();
        }
    }

    private static final Pattern BORDER = Pattern.compile("\\|\\s*-+\\s*\\|");
    private static final Pattern THREAD = Pattern.compile("(?i)thread\\b.*");

    private ThreadColumns() {
    }

    /** The feedback as text and tables, in order; the text parts hold every other line but blank ones at their ends. */
    public static List<Part> parse(String feedback) {
        List<String> lines = List.of(feedback.split("\n", -1));
        List<Part> parts = new ArrayList<>();
        List<String> text = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int end = bordered(lines, i, parts, text);
            if (end == i) {
                end = plain(lines, i, parts, text);
            }
            if (end == i) {
                text.add(lines.get(i));
                end = i + 1;
            }
            i = end;
        }
        flush(text, parts);
        return List.copyOf(parts);
    }

    /** Lincheck's table starting at {@code start}: border, header, border, rows; the line after it. */
    private static int bordered(List<String> lines, int start, List<Part> parts, List<String> text) {
        if (start + 2 >= lines.size() || !isBorder(lines.get(start)) || !isBorder(lines.get(start + 2))) {
            return start;
        }
        String header = lines.get(start + 1);
        if (!header.startsWith("|") || !header.endsWith("|")) {
            return start;
        }
        List<String> threads = header(header.substring(1, header.length() - 1));
        if (threads == null) {
            return start;
        }
        List<List<List<String>>> sections = new ArrayList<>();
        List<List<String>> section = new ArrayList<>();
        int i = start + 3;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isBorder(line)) {
                closeSection(section, sections);
                section = new ArrayList<>();
                continue;
            }
            List<String> cells = line.startsWith("|") && line.endsWith("|") && line.length() > 1
                    ? cells(line.substring(1, line.length() - 1), threads.size()) : null;
            if (cells == null) {
                break;
            }
            section.add(cells);
        }
        closeSection(section, sections);
        flush(text, parts);
        parts.add(new Trace(threads, sections));
        return i;
    }

    /** Plain columns starting at {@code start}: a header of thread names, rows with as many cells. */
    private static int plain(List<String> lines, int start, List<Part> parts, List<String> text) {
        List<String> threads = lines.get(start).contains("|") ? header(lines.get(start)) : null;
        if (threads == null || threads.size() < 2) {
            return start;
        }
        List<List<String>> rows = new ArrayList<>();
        int i = start + 1;
        for (; i < lines.size(); i++) {
            List<String> cells = lines.get(i).contains("|") ? cells(lines.get(i), threads.size()) : null;
            if (cells == null) {
                break;
            }
            rows.add(cells);
        }
        if (rows.isEmpty()) {
            return start;
        }
        flush(text, parts);
        parts.add(new Trace(threads, List.of(rows)));
        return i;
    }

    /** The thread names of a header row, or null when a cell names no thread. */
    private static List<String> header(String row) {
        List<String> names = cells(row, -1);
        return names.stream().allMatch(name -> THREAD.matcher(name.strip()).matches())
                ? names.stream().map(String::strip).toList() : null;
    }

    /**
     * A row's cells, the single space after each bar dropped and trailing blanks cut (a step's
     * indentation stays: Lincheck nests calls that way); null when it has not {@code count} cells.
     */
    private static List<String> cells(String row, int count) {
        String[] raw = row.split("\\|", -1);
        if (count >= 0 && raw.length != count) {
            return null;
        }
        List<String> cells = new ArrayList<>(raw.length);
        for (String cell : raw) {
            cells.add((cell.startsWith(" ") ? cell.substring(1) : cell).stripTrailing());
        }
        return cells;
    }

    private static boolean isBorder(String line) {
        return BORDER.matcher(line).matches();
    }

    private static void closeSection(List<List<String>> section, List<List<List<String>>> sections) {
        if (!section.isEmpty()) {
            sections.add(section);
        }
    }

    /** The text gathered so far as one part, without blank lines at its ends; none if it is blank. */
    private static void flush(List<String> text, List<Part> parts) {
        int from = 0;
        int to = text.size();
        while (from < to && text.get(from).isBlank()) {
            from++;
        }
        while (to > from && text.get(to - 1).isBlank()) {
            to--;
        }
        if (from < to) {
            parts.add(new Text(String.join("\n", text.subList(from, to))));
        }
        text.clear();
    }
}
