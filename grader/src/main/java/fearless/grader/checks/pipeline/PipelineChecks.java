package fearless.grader.checks.pipeline;

import fearless.api.channel.PipelineProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;

/**
 * TODO(scaffold): what these checks of {@code pipeline} hold a submission to. One class per kind of
 * evidence reads best (PipelineBehaviourChecks, PipelineRaceChecks, ...); the kit is in
 * fearless.grader.check (course-notes/authoring.md, "The check kit").
 */
@Exercise("pipeline")
class PipelineChecks {

    // TODO(scaffold): replace this example with real checks, one promise each; the points of all of
    // the exercise's checks add up to its points in course.yaml, and rules are the lesson's rule ids.
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"TODO"})
    void example_check() {
        Submission.provider(PipelineProvider.class).pipeline(null, null);
    }
}
