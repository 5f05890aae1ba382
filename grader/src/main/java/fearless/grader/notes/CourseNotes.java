package fearless.grader.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The notes folder as a course: the index ({@code README.md}) first, then the lessons by number
 * ({@code 01-ownership.md} ...), then the glossary and the rule index, then the rest (authoring) by name.
 */
public record CourseNotes(List<NotePage> pages) {

    public static final String INDEX = "README.md";

    /** After the lessons, what every student reads beside them; other pages (authoring) come last. */
    private static final List<String> READING = List.of("glossary.md", RuleIndex.FILE);

    public CourseNotes {
        pages = List.copyOf(pages);
    }

    public static CourseNotes read(Path folder) {
        List<NotePage> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".md"))
                    .sorted(Comparator.comparing(CourseNotes::order)).toList()) {
                pages.add(new NotePage(file.getFileName().toString(), Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the course notes in " + folder, e);
        }
        return new CourseNotes(pages);
    }

    /** A lesson's file name starts with its number: {@code 06-mutex.md}. */
    public static boolean isLesson(String file) {
        return file.matches("\\d+-.*\\.md");
    }

    public List<NotePage> lessons() {
        return pages.stream().filter(p -> isLesson(p.file())).toList();
    }

    public Optional<NotePage> page(String file) {
        return pages.stream().filter(p -> p.file().equals(file)).findFirst();
    }

    /** This set with {@code page} in place of the page of the same file, or added at its place in the order. */
    public CourseNotes with(NotePage page) {
        List<NotePage> next = new ArrayList<>(pages.stream().filter(p -> !p.file().equals(page.file())).toList());
        next.add(page);
        next.sort(Comparator.comparing(p -> order(Path.of(p.file()))));
        return new CourseNotes(next);
    }

    private static String order(Path file) {
        String name = file.getFileName().toString();
        return (name.equals(INDEX) ? "0" : isLesson(name) ? "1" : READING.contains(name) ? "2" + READING.indexOf(name) : "3") + name;
    }
}
