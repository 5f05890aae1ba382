package fearless.grader.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.course.Course.Topic;
import fearless.grader.engine.CheckCatalog;
import fearless.grader.engine.CheckSpec;
import fearless.grader.notes.NotePage.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.StrongEmphasis;
import org.junit.jupiter.api.Test;

/**
 * The notes hold together as a course: every link lands, every rule they name exists and is
 * checked, every exercise has its section, the index lists every lesson and exercise with its
 * points, the rule index is the one the manifest and checks make, and every point of the lecture
 * notes the course is built from is covered.
 */
class CourseNotesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path FOLDER = ROOT.resolve("course-notes");
    /** The lecture notes the course is built from, as they were given (typos and all). */
    private static final Path LECTURE_NOTES = Path.of("src/test/resources/notes/lecture-notes.txt");
    private static final Course COURSE = Course.load();
    private static final CourseNotes NOTES = CourseNotes.read(FOLDER);
    private static final List<CheckSpec> CHECKS = CheckCatalog.discover(COURSE, CheckCatalog.CHECKS_PACKAGE,
            COURSE.exercises().stream().map(ExerciseInfo::id).toList());
    private static final Pattern RULE_LIKE = Pattern.compile("(?<![\\w-])([OBLAXCTMRWDP]\\d{1,2})(?!\\w)");

    @Test
    void every_link_lands_on_a_page_of_the_notes_and_an_anchor_it_has() {
        List<String> problems = new ArrayList<>();
        int links = 0;
        for (NotePage page : NOTES.pages()) {
            for (String link : page.links()) {
                links++;
                if (link.matches("[a-z]+:.*")) {
                    problems.add(page.file() + ": " + link + ": the notes link only to each other (the site publishes them alone)");
                    continue;
                }
                int hash = link.indexOf('#');
                String file = hash < 0 ? link : link.substring(0, hash);
                String anchor = hash < 0 ? "" : link.substring(hash + 1);
                NotePage target = file.isEmpty() ? page : NOTES.page(file).orElse(null);
                if (target == null) {
                    problems.add(page.file() + ": " + link + ": no page " + file + " in course-notes/");
                } else if (!anchor.isEmpty() && !target.anchors().contains(anchor)) {
                    problems.add(page.file() + ": " + link + ": " + target.file() + " has no heading or id '" + anchor + "'");
                }
            }
        }
        assertTrue(links > 300, "only " + links + " links: is the notes folder read?");
        assertEquals(List.of(), problems);
    }

    @Test
    void every_rule_the_notes_name_exists_and_every_rule_is_cited_by_a_check() {
        Set<String> named = new TreeSet<>();
        for (NotePage page : NOTES.pages()) {
            for (Section section : page.sections()) {
                Matcher m = RULE_LIKE.matcher(section.prose());
                while (m.find()) {
                    if (!COURSE.rules().containsKey(m.group(1))) {
                        named.add(page.file() + " (" + section.title() + "): " + m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), named, "rule ids the manifest does not have");
        Set<String> byChecks = CHECKS.stream().flatMap(c -> c.rules().stream()).collect(Collectors.toSet());
        Set<String> byExercises = COURSE.exercises().stream().flatMap(e -> e.rules().stream()).collect(Collectors.toSet());
        Set<String> wrong = new TreeSet<>();
        COURSE.rules().forEach((id, rule) -> {
            if (rule.graded() && !byChecks.contains(id)) {
                wrong.add(id + ": no check cites it");
            } else if (!rule.graded() && (byChecks.contains(id) || byExercises.contains(id))) {
                wrong.add(id + ": cited, but the manifest says no check can hold it (" + rule.ungraded() + ")");
            }
        });
        assertEquals(Set.of(), wrong, "every graded rule is cited by a check, and no ungraded one");
    }

    @Test
    void every_exercise_has_a_section_in_its_topics_lesson() {
        List<String> missing = new ArrayList<>();
        for (Topic topic : COURSE.topics()) {
            String file = Path.of(topic.lesson()).getFileName().toString();
            NotePage lesson = NOTES.page(file).orElseThrow(() -> new AssertionError("no lesson " + topic.lesson()));
            for (ExerciseInfo exercise : topic.exercises()) {
                if (lesson.sections().stream().noneMatch(s -> s.title().matches("\\d+\\. Exercise " + Pattern.quote(exercise.id())))) {
                    missing.add(file + " has no section \"N. Exercise " + exercise.id() + "\"");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void the_index_lists_every_lesson_and_every_exercise_with_its_points() {
        NotePage index = NOTES.page(CourseNotes.INDEX).orElseThrow();
        Set<String> linked = Set.copyOf(index.links().stream().map(l -> l.replaceFirst("#.*", "")).toList());
        for (NotePage page : NOTES.pages()) {
            if (!page.file().equals(CourseNotes.INDEX)) {
                assertTrue(linked.contains(page.file()), "the index does not link to " + page.file());
            }
        }
        String markdown = index.markdown();
        for (ExerciseInfo exercise : COURSE.exercises()) {
            assertTrue(markdown.contains("`" + exercise.id() + "` (" + exercise.points() + " points)"),
                    "the index does not list `" + exercise.id() + "` (" + exercise.points() + " points)");
        }
        String total = "**" + COURSE.exercises().stream().mapToInt(ExerciseInfo::points).sum() + " points** in "
                + COURSE.exercises().size() + " exercises";
        assertTrue(markdown.contains(total), "the index does not say " + total);
    }

    @Test
    void the_rule_index_is_the_one_the_manifest_the_checks_and_the_lessons_make() throws IOException {
        String made = RuleIndex.markdown(COURSE, CHECKS, NOTES);
        assertEquals(made, Files.readString(FOLDER.resolve(RuleIndex.FILE)),
                "course-notes/" + RuleIndex.FILE + " is out of date: run ./fearless notes --rule-index");
        for (String rule : COURSE.rules().keySet()) {
            assertTrue(made.contains("<a id=\"rule-" + rule.toLowerCase(Locale.ROOT) + "\"></a>" + rule + " |"), rule);
        }
    }

    @Test
    void every_point_of_the_lecture_notes_is_in_the_coverage_table_with_a_link() throws IOException {
        String table = NOTES.page(CourseNotes.INDEX).orElseThrow().markdown();
        table = table.substring(table.indexOf("## Coverage of the lecture notes"));
        List<String> missing = new ArrayList<>();
        for (String line : Files.readAllLines(LECTURE_NOTES)) {
            String point = line.strip();
            if (!point.startsWith("- ") || point.length() < 4) {
                continue;
            }
            String words = normal(point.substring(2));
            boolean found = table.lines().filter(row -> row.startsWith("| \"")).anyMatch(row -> {
                String quoted = normal(row.substring(3, row.indexOf('"', 3)));
                String prefix = words.substring(0, Math.min(words.length(), quoted.length()));
                return (words.contains(quoted) || distance(quoted, prefix) <= 2) && row.contains("](");
            });
            if (!found) {
                missing.add(point);
            }
        }
        assertEquals(List.of(), missing, "lecture-note points without a row (quote, then a link) in the index's coverage table");
    }

    @Test
    void linear_types_and_unsafe_each_have_a_sidebar() {
        List<String> sidebars = new ArrayList<>();
        for (NotePage page : NOTES.lessons()) {
            page.document().accept(new AbstractVisitor() {
                @Override
                public void visit(BlockQuote quote) {
                    StringBuilder title = new StringBuilder();
                    quote.accept(new AbstractVisitor() {
                        @Override
                        public void visit(StrongEmphasis strong) {
                            if (title.isEmpty()) {
                                title.append(NotePage.text(strong));
                            }
                        }
                    });
                    if (title.toString().startsWith("Sidebar:")) {
                        sidebars.add(title.toString().toLowerCase(Locale.ROOT));
                    }
                }
            });
        }
        assertTrue(sidebars.stream().anyMatch(s -> s.contains("linear types")), "no sidebar on linear types: " + sidebars);
        assertTrue(sidebars.stream().anyMatch(s -> s.contains("unsafe")), "no sidebar on unsafe: " + sidebars);
    }

    /** Levenshtein's distance: a quote may fix a typo of the lecture notes ("liftetime"). */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Lower case, letters and digits only, one space between words: a quote survives the seed's typos being fixed. */
    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replace("\\|", "|").replaceAll("[^a-z0-9]+", " ").strip();
    }

    static {
        assertFalse(NOTES.pages().isEmpty(), "no notes in " + FOLDER);
    }
}
