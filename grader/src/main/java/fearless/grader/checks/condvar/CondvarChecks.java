package fearless.grader.checks.condvar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fearless.api.sync.CondvarProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;

/**
 * TODO(scaffold): what these checks of {@code condvar} hold a submission to. One class per kind of
 * evidence reads best (CondvarBehaviourChecks, CondvarRaceChecks, ...); the kit is in
 * fearless.grader.check (course-notes/authoring.md, "The check kit").
 */
@Exercise("condvar")
class CondvarChecks {

    private static int notified() {
        Submission.provider(CondvarProvider.class).create().notifyOne();
        return 1;
    }

    // TODO(scaffold): replace this example with real checks, one promise each; the points of all of
    // the exercise's checks add up to its points in course.yaml, and rules are the lesson's rule ids.
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"TODO"})
    void example_check() {
        assertEquals(1, notified(), "TODO(scaffold): the first check");
    }
}
