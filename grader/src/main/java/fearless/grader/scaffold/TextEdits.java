package fearless.grader.scaffold;

import fearless.grader.engine.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits to the project's YAML and Markdown files made as text, not by reading and writing them
 * back through a parser, so that their comments, order and layout stay as the authors wrote them.
 * The caller parses the result to make sure the edit means what it should.
 */
final class TextEdits {

    private static final Pattern TOPICS = Pattern.compile("^topics:\\s*(#.*)?$");
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^[^\\s#][^:]*:\\s*$");
    private static final Pattern SECTION = Pattern.compile("(?m)^## (\\d+)\\.");

    private TextEdits() {
    }

    /**
     * {@code manifest} with {@code entry} (an exercise, written at indent 0) appended to the
     * exercises of topic {@code topic}, at the indent the file uses.
     */
    static String withExercise(String manifest, String topic, String entry) {
        List<String> lines = new ArrayList<>(manifest.lines().toList());
        Layout layout = Layout.of(lines);
        Pattern topicLine = Pattern.compile("- id:\\s*[\"']?" + Pattern.quote(topic) + "[\"']?\\s*(#.*)?");
        int start = -1;
        for (int i = layout.topicsLine + 1; i < layout.topicsEnd; i++) {
            if (indent(lines.get(i)) == layout.topicIndent && topicLine.matcher(lines.get(i).strip()).matches()) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            throw new UsageException("course.yaml: no line '- id: " + topic + "' in its topics list");
        }
        int end = start + 1;
        while (end < layout.topicsEnd && (lines.get(end).isBlank() || indent(lines.get(end)) > layout.topicIndent)) {
            end++;
        }
        lines.addAll(lastFilled(lines, start, end) + 1, indented(entry, layout.exerciseIndent));
        return String.join("\n", lines) + "\n";
    }

    /** {@code manifest} with {@code topic} (a topic whose exercises hold {@code entry}, at indent 0) appended. */
    static String withTopic(String manifest, String topic, String entry) {
        List<String> lines = new ArrayList<>(manifest.lines().toList());
        Layout layout = Layout.of(lines);
        List<String> block = new ArrayList<>(indented(topic, layout.topicIndent));
        block.addAll(indented(entry, layout.exerciseIndent));
        lines.addAll(lastFilled(lines, layout.topicsLine, layout.topicsEnd) + 1, block);
        return String.join("\n", lines) + "\n";
    }

    /**
     * {@code yaml} (a map whose top-level keys are kept in order, blocks apart by a blank line)
     * with {@code block}, whose key is {@code key}, in its place.
     */
    static String withKeyInOrder(String yaml, String key, String block) {
        List<String> lines = new ArrayList<>(yaml.lines().toList());
        List<String> added = new ArrayList<>(block.lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (TOP_LEVEL_KEY.matcher(line).matches() && line.substring(0, line.lastIndexOf(':')).compareTo(key) > 0) {
                added.add("");
                lines.addAll(i, added);
                return String.join("\n", lines) + "\n";
            }
        }
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
            lines.add("");
        }
        lines.addAll(added);
        return String.join("\n", lines) + "\n";
    }

    /** The number the next {@code ## N.} section of a lesson takes. */
    static int nextSection(String markdown) {
        Matcher m = SECTION.matcher(markdown);
        int last = 0;
        while (m.find()) {
            last = Math.max(last, Integer.parseInt(m.group(1)));
        }
        return last + 1;
    }

    /** Where the manifest's topics are and how deep its items sit. */
    private record Layout(int topicsLine, int topicsEnd, int topicIndent, int exerciseIndent) {

        static Layout of(List<String> lines) {
            int topics = -1;
            for (int i = 0; i < lines.size() && topics < 0; i++) {
                if (TOPICS.matcher(lines.get(i)).matches()) {
                    topics = i;
                }
            }
            if (topics < 0) {
                throw new UsageException("course.yaml has no top-level 'topics:' list");
            }
            int end = topics + 1;
            while (end < lines.size() && !startsTopLevelKey(lines.get(end))) {
                end++;
            }
            while (end > topics + 1 && (lines.get(end - 1).isBlank() || lines.get(end - 1).startsWith("#"))) {
                end--; // the comment heading the next top-level key belongs to that key
            }
            int topicIndent = -1;
            int exerciseIndent = -1;
            for (int i = topics + 1; i < end; i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("- ")) {
                    if (topicIndent < 0) {
                        topicIndent = indent(line);
                    } else if (exerciseIndent < 0 && indent(line) > topicIndent) {
                        exerciseIndent = indent(line);
                    }
                }
            }
            topicIndent = topicIndent < 0 ? 2 : topicIndent;
            exerciseIndent = exerciseIndent < 0 ? topicIndent + 4 : exerciseIndent;
            return new Layout(topics, end, topicIndent, exerciseIndent);
        }

        private static boolean startsTopLevelKey(String line) {
            return !line.isBlank() && indent(line) == 0 && !line.startsWith("#") && !line.startsWith("-");
        }
    }

    /** The last line in {@code [from, to)} that is not blank (from itself if none). */
    private static int lastFilled(List<String> lines, int from, int to) {
        int last = from;
        for (int i = from; i < to; i++) {
            if (!lines.get(i).isBlank()) {
                last = i;
            }
        }
        return last;
    }

    private static List<String> indented(String text, int by) {
        String pad = " ".repeat(by);
        return text.lines().map(l -> l.isEmpty() ? l : pad + l).toList();
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
