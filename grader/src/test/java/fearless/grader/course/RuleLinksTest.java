package fearless.grader.course;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.engine.CheckCatalog;
import fearless.grader.engine.CheckSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every rule a report can name links to a lesson section that exists. */
class RuleLinksTest {

    private static final Course COURSE = Course.load();
    private static final Path ROOT = Path.of("..");

    @Test
    void every_rule_a_check_or_an_exercise_cites_has_a_link() {
        List<String> cited = new ArrayList<>();
        List<String> exercises = COURSE.exercises().stream().map(ExerciseInfo::id).toList();
        CheckCatalog.discover(COURSE, CheckCatalog.CHECKS_PACKAGE, exercises).stream().map(CheckSpec::rules).forEach(cited::addAll);
        COURSE.exercises().forEach(e -> cited.addAll(e.rules()));
        for (String rule : cited) {
            assertTrue(COURSE.rules().containsKey(rule), rule + " is cited but has no entry under rules: in course.yaml");
        }
    }

    @Test
    void every_rule_link_names_an_anchor_of_its_lesson() throws IOException {
        for (var entry : COURSE.rules().entrySet()) {
            String link = entry.getValue().lesson();
            int hash = link.indexOf('#');
            assertTrue(hash > 0, entry.getKey() + ": " + link + " has no anchor");
            Path lesson = ROOT.resolve(link.substring(0, hash));
            assertTrue(Files.isRegularFile(lesson), entry.getKey() + ": no lesson " + lesson);
            String anchor = link.substring(hash + 1);
            assertTrue(anchor.equals("rule-" + entry.getKey().toLowerCase(Locale.ROOT)),
                    entry.getKey() + ": the anchor is named after the rule, not " + anchor);
            assertTrue(Files.readString(lesson).contains("<a id=\"" + anchor + "\"></a>"),
                    entry.getKey() + ": " + lesson + " has no <a id=\"" + anchor + "\"></a>");
        }
    }
}
