package fearless.grader.checks.boundedbuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fearless.api.sync.BoundedBufferProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;

/**
 * TODO(scaffold): what these checks of {@code bounded-buffer} hold a submission to. One class per kind of
 * evidence reads best (BoundedBufferBehaviourChecks, BoundedBufferRaceChecks, ...); the kit is in
 * fearless.grader.check (course-notes/authoring.md, "The check kit").
 */
@Exercise("bounded-buffer")
class BoundedBufferChecks {

    // TODO(scaffold): replace this example with real checks, one promise each; the points of all of
    // the exercise's checks add up to its points in course.yaml, and rules are the lesson's rule ids.
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"TODO"})
    void example_check() {
        assertEquals(1, Submission.provider(BoundedBufferProvider.class).create(1, new fearless.grader.checks.kit.KitMutexes(), null).capacity(), "TODO(scaffold): the first check");
    }
}
