package fearless.grader.promises;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.calibration.Mutant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A lesson promises no more than the checks test: every entry of a "Mistakes the checks catch"
 * list names, in a comment the reader does not see ({@code <!-- mutants: box/close-not-idempotent -->}),
 * the calibration mutants that make that mistake, and each of them exists, so the calibration
 * suite proves the checks catch it.
 */
class LessonMistakesTest {

    private static final Path NOTES = Path.of("..", "course-notes").toAbsolutePath().normalize();
    private static final Path MUTANTS = Path.of("src/test/resources/mutants");
    private static final Pattern SECTION = Pattern.compile("(?m)^## \\d+\\. Mistakes the checks catch\\n(.*?)(?=^---|^## )",
            Pattern.DOTALL);
    private static final Pattern NAMES = Pattern.compile("<!--\\s*mutants:\\s*([^>]*?)\\s*-->");

    @Test
    void every_mistake_a_lesson_says_the_checks_catch_is_a_mutant_they_catch() throws IOException {
        List<String> problems = new ArrayList<>();
        int entries = 0;
        for (Path lesson : lessons()) {
            Matcher section = SECTION.matcher(Files.readString(lesson));
            while (section.find()) {
                for (String entry : entries(section.group(1))) {
                    entries++;
                    problems.addAll(judge(lesson.getFileName() + ": " + entry.lines().findFirst().orElse(""), entry));
                }
            }
        }
        assertTrue(entries > 0, "no lesson has a 'Mistakes the checks catch' list");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static List<String> judge(String where, String entry) {
        Matcher names = NAMES.matcher(entry);
        if (!names.find()) {
            return List.of(where + ": names no mutant (<!-- mutants: exercise/name, ... -->): a promise nothing proves");
        }
        List<String> problems = new ArrayList<>();
        for (String id : names.group(1).split("\\s*,\\s*")) {
            if (!Files.isRegularFile(MUTANTS.resolve(id).resolve("mutant.yaml"))) {
                problems.add(where + ": no mutant " + id);
            } else {
                assertFalse(Mutant.read(MUTANTS.resolve(id)).trips().isEmpty(), id + " trips nothing");
            }
        }
        return problems;
    }

    /** The list's entries: a line starting with "- " and its indented continuation lines. */
    private static List<String> entries(String section) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = null;
        for (String line : section.split("\n")) {
            if (line.startsWith("- ")) {
                if (current != null) {
                    entries.add(current.toString());
                }
                current = new StringBuilder(line);
            } else if (current != null && line.startsWith("  ")) {
                current.append('\n').append(line);
            } else if (current != null) {
                entries.add(current.toString());
                current = null;
            }
        }
        if (current != null) {
            entries.add(current.toString());
        }
        return entries;
    }

    private static List<Path> lessons() throws IOException {
        try (Stream<Path> files = Files.list(NOTES)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }
}
