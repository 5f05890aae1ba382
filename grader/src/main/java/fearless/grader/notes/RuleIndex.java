package fearless.grader.notes;

import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.course.Course.Rule;
import fearless.grader.engine.CheckSpec;
import fearless.grader.notes.NotePage.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rule index, {@code course-notes/rules.md}: every rule of the manifest with its sentence,
 * the lesson section that explains it, the other sections that use it, and the checks that cite
 * it. Written from the manifest, the checks and the lessons, never by hand, so it cannot drift.
 */
public final class RuleIndex {

    public static final String FILE = "rules.md";

    /** A lesson's closing sections name every rule it grades: as "also used in" they would say nothing. */
    private static final Pattern ROUND_UP = Pattern.compile("Mistakes the checks catch|Run the checks");

    private RuleIndex() {
    }

    public static NotePage page(Course course, List<CheckSpec> checks, CourseNotes notes) {
        return new NotePage(FILE, markdown(course, checks, notes));
    }

    public static String markdown(Course course, List<CheckSpec> checks, CourseNotes notes) {
        List<String> exercises = course.exercises().stream().map(ExerciseInfo::id).toList();
        Comparator<CheckSpec> inCourseOrder = Comparator.<CheckSpec>comparingInt(c -> exercises.indexOf(c.exercise()))
                .thenComparing(CheckSpec::id);
        StringBuilder md = new StringBuilder();
        md.append("# Rule index\n\n")
                .append("Every rule of the behaviour contract: what it says, the lesson section that explains it, the\n")
                .append("other sections that use it, and the checks that cite it (a failing check names its rules, and\n")
                .append("the report links each to its lesson). The [course index](README.md) lists the lessons in order.\n\n")
                .append("This page is generated from the course manifest, the checks and the lessons; do not edit it\n")
                .append("by hand. After changing any of them, run `./fearless notes --rule-index` (the project's tests\n")
                .append("fail while it is out of date).\n\n")
                .append("| rule | says | explained in | also used in | checks that cite it |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (Map.Entry<String, Rule> entry : course.rules().entrySet()) {
            String id = entry.getKey();
            Rule rule = entry.getValue();
            String lesson = rule.lesson().substring(rule.lesson().lastIndexOf('/') + 1);
            String file = lesson.contains("#") ? lesson.substring(0, lesson.indexOf('#')) : lesson;
            String anchor = lesson.contains("#") ? lesson.substring(lesson.indexOf('#') + 1) : "";
            List<String> also = new ArrayList<>();
            String explained = "[" + file + "](" + lesson + ")";
            Pattern mention = Pattern.compile("(?<![\\w-])" + Pattern.quote(id) + "(?!\\w)");
            for (NotePage page : notes.lessons()) {
                for (Section section : page.sections()) {
                    String label = label(page.file(), section.title());
                    if (page.file().equals(file) && section.anchors().contains(anchor)) {
                        explained = "[" + label + " " + section.title().replaceFirst("^\\d+\\.\\s*", "") + "](" + lesson + ")";
                    } else if (!ROUND_UP.matcher(section.title()).find() && mention.matcher(section.prose()).find()) {
                        also.add("[" + label + "](" + page.file() + "#" + section.id() + ")");
                    }
                }
            }
            String cited = checks.stream().filter(c -> c.rules().contains(id)).sorted(inCourseOrder)
                    .map(c -> "`" + c.id() + "`" + (c.hidden() ? " (hidden)" : ""))
                    .collect(Collectors.joining(", "));
            md.append("| <a id=\"rule-").append(id.toLowerCase(Locale.ROOT)).append("\"></a>").append(id)
                    .append(" | ").append(cell(rule.title()))
                    .append(" | ").append(cell(explained))
                    .append(" | ").append(also.isEmpty() ? "" : String.join(", ", also))
                    .append(" | ").append(rule.graded() ? cited : cell(rule.ungraded()))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** {@code 1 §2} for section "2. One owner at a time" of {@code 01-ownership.md}. */
    private static String label(String file, String title) {
        String lesson = file.replaceFirst("^0*(\\d+)-.*", "$1");
        String section = title.replaceFirst("^(\\d+)\\..*", "$1");
        return section.equals(title) ? lesson + " " + title : lesson + " §" + section;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
