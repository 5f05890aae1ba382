package fearless.grader.checks.rwlock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fearless.api.sync.RwLockProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;

/**
 * TODO(scaffold): what these checks of {@code rw-lock} hold a submission to. One class per kind of
 * evidence reads best (RwLockBehaviourChecks, RwLockRaceChecks, ...); the kit is in
 * fearless.grader.check (course-notes/authoring.md, "The check kit").
 */
@Exercise("rw-lock")
class RwLockChecks {

    // TODO(scaffold): replace this example with real checks, one promise each; the points of all of
    // the exercise's checks add up to its points in course.yaml, and rules are the lesson's rule ids.
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"TODO"})
    void example_check() {
        assertEquals(1, Submission.provider(RwLockProvider.class).create(1).read().unwrap().get(), "TODO(scaffold): the first check");
    }
}
