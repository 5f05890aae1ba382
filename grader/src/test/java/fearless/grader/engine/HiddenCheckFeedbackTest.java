package fearless.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.calibration.Mutant;
import fearless.grader.course.Course;
import fearless.grader.course.Manifests;
import fearless.grader.report.CheckResult;
import fearless.grader.report.ConsoleReport;
import fearless.grader.report.GradeReport;
import fearless.grader.report.JsonReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hidden check shows its name and points, never why it failed, in every report; the course can
 * show its feedback in full. Its points, like every check's, are the manifest's.
 */
class HiddenCheckFeedbackTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final String HIDDEN = "drop-scope/reverse_drop_order";

    private static final String PUBLIC = "drop-scope/moved_out_not_dropped";

    @TempDir
    Path work;

    /** The solutions with a queue for a stack: both checks fail, each with its own feedback. */
    private GradeReport grade(Course course) throws InterruptedException {
        Path mutant = ROOT.resolve(Mutant.SET).resolve("drop-scope/drops-in-creation-order");
        Path tree = Mutant.layOver(mutant, Mutant.read(mutant).edits(), ROOT.resolve("solutions"), work.resolve("m"));
        return new Grader(course, Path.of(System.getProperty("java.home"), "bin", "java"))
                .grade(new Grader.Request(tree.toString(), ROOT, List.of(), 42).onlyChecks(List.of(HIDDEN, PUBLIC)));
    }

    private static CheckResult check(GradeReport report, String id) {
        return report.exercises().get(0).checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_hidden_check_says_only_that_it_failed_and_what_it_was_worth() throws Exception {
        GradeReport report = grade(Manifests.overriding(HIDDEN, "{points: 5, hidden: true}"));
        CheckResult hidden = check(report, HIDDEN);
        CheckResult open = check(report, PUBLIC);
        assertFalse(hidden.passed());
        assertTrue(hidden.hidden());
        assertEquals(Grader.HIDDEN_FEEDBACK, hidden.message());
        assertEquals(5, hidden.maxScore());
        assertEquals(5 + open.maxScore(), report.maxScore());
        assertFalse(open.passed());
        assertNotEquals(Grader.HIDDEN_FEEDBACK, open.message());
        for (String text : List.of(new ConsoleReport().render(report), new JsonReport().render(report))) {
            assertTrue(text.contains(HIDDEN), text);
            assertTrue(text.contains(Grader.HIDDEN_FEEDBACK), text);
        }
    }

    @Test
    void the_course_can_show_hidden_checks_feedback_in_full() throws Exception {
        GradeReport report = grade(Manifests.realWith(root -> {
            Manifests.override(root, HIDDEN, "{hidden: true}");
            root.put("hiddenFeedback", "full");
        }));
        CheckResult hidden = check(report, HIDDEN);
        assertTrue(hidden.hidden());
        assertFalse(hidden.passed());
        assertNotEquals(Grader.HIDDEN_FEEDBACK, hidden.message());
        assertFalse(hidden.message().isBlank());
    }
}
