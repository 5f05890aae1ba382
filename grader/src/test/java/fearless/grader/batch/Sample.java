package fearless.grader.batch;

import fearless.grader.report.CheckResult;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GradeReport;
import fearless.grader.report.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gradebook rows made by hand, for the tests that need no grading. */
final class Sample {

    private Sample() {
    }

    static GradeReport report(String submission, int boxScore, int mutexScore) {
        ExerciseResult box = new ExerciseResult("box", "ownership", "An owning handle", "course-notes/01-ownership.md",
                boxScore, 3, List.of(), List.of(), List.of(), List.of(new CheckResult("box/move_transfers", "behaviour",
                List.of("O2"), boxScore, 3, boxScore == 3 ? Status.PASSED : Status.FAILED,
                boxScore == 3 ? "" : "moved twice\nat line 3", 10, false, false)));
        ExerciseResult mutex = new ExerciseResult("mutex", "mutex", "A mutex", "course-notes/06-mutex.md", mutexScore, 5,
                List.of(), List.of(), List.of(), List.of(new CheckResult("mutex/lots_and_lots", "race", List.of("X2"),
                mutexScore, 5, mutexScore == 5 ? Status.PASSED : Status.FAILED,
                mutexScore == 5 ? "" : "=HYPERLINK(\"x\") two holders", 20, false, true)));
        return new GradeReport(submission, 42, boxScore + mutexScore, 8, 99, "a JVM", List.of(mutex, box), "none",
                List.of(), Map.of());
    }

    static Row graded(String student, String source, String hash, GradeReport report, String at) {
        return new Row(student, source, hash, Row.Status.GRADED, "", report.score(), report.maxScore(), 42, "",
                "v1", at, 1000, Optional.of(report));
    }

    static Row notGraded(String student, String source, Row.Status status, String reason, String at) {
        return new Row(student, source, "h-" + source, status, reason, 0, 0, 42, "", "v1", at, 5, Optional.empty());
    }
}
