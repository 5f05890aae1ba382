package fearless.grader.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.engine.Grader;
import fearless.grader.engine.UsageException;
import fearless.grader.report.CheckResult;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GradeReport;
import fearless.grader.report.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The student's loop, with a stand-in for grading and a script of saves: no JVM is started. */
class WatcherTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static final Course COURSE = Course.load();

    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text, true);

    /** A stand-in for grading: hands out prepared reports in turn and remembers what it was asked. */
    static final class Script implements Watcher.Grading {
        final List<List<String>> asked = new ArrayList<>();
        private final Deque<Object> answers;

        /** @param answers reports, or exceptions to throw, in the order they are asked for */
        Script(Object... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public GradeReport grade(List<String> exercises, Consumer<Grader.Prepared> onPrepared) {
            asked.add(exercises);
            Object answer = answers.isEmpty() ? report(Map.of(exercises.get(0), 0)) : answers.poll();
            if (answer instanceof RuntimeException e) {
                throw e;
            }
            GradeReport report = (GradeReport) answer;
            for (ExerciseResult e : report.exercises()) {
                onPrepared.accept(new Grader.Prepared(e.id(), e.compileErrors(), e.violations(),
                        e.ran() ? e.checks().size() : 0));
            }
            return report;
        }
    }

    /** Saves given in advance; then the end. */
    static Changes saves(String... files) {
        Deque<String> left = new ArrayDeque<>(List.of(files));
        return () -> left.isEmpty() ? Optional.empty() : Optional.of(List.of(Path.of(left.poll())));
    }

    /** A report of the exercises given, each with the score given out of its points (one check each). */
    static GradeReport report(Map<String, Integer> scores) {
        List<ExerciseResult> results = new ArrayList<>();
        for (ExerciseInfo exercise : COURSE.exercises()) {
            Integer score = scores.get(exercise.id());
            if (score != null) {
                results.add(result(exercise, score, List.of()));
            }
        }
        return report(results);
    }

    static GradeReport report(List<ExerciseResult> results) {
        return new GradeReport("exercises", 42, results.stream().mapToInt(ExerciseResult::score).sum(),
                results.stream().mapToInt(ExerciseResult::maxScore).sum(), 1234, "Eclipse Adoptium 17.0.15+6",
                results, "bwrap", List.of(), java.util.Map.of());
    }

    static ExerciseResult result(ExerciseInfo exercise, int score, List<String> compileErrors) {
        Course.Topic topic = COURSE.topicOf(exercise);
        boolean full = score == exercise.points();
        CheckResult check = new CheckResult(exercise.id() + "/everything", "behaviour", exercise.rules().subList(0, 1),
                score, exercise.points(), full ? Status.PASSED : Status.FAILED,
                full ? "" : compileErrors.isEmpty() ? "expected 2 drops, saw 1"
                        : "not run: the exercise does not compile", 10, false, false);
        return new ExerciseResult(exercise.id(), topic.id(), exercise.title(), topic.lesson(), score, exercise.points(),
                compileErrors, List.of(), exercise.hints(), List.of(check));
    }

    private static ExerciseInfo exercise(String id) {
        return COURSE.exercise(id).orElseThrow();
    }

    private static int points(String id) {
        return exercise(id).points();
    }

    @Test
    void moves_on_to_the_next_exercise_on_full_marks() throws Exception {
        Script grading = new Script(report(Map.of("box", points("box"))), report(Map.of("drop-scope", 3)),
                report(Map.of("drop-scope", points("drop-scope"))), report(Map.of("borrows", 0)));
        new Watcher(COURSE, grading, saves("fearless/exercises/dropscope/Scope.java"), out).run(Optional.of("box"));
        assertEquals(List.of(List.of("box"), List.of("drop-scope"), List.of("drop-scope"), List.of("borrows")),
                grading.asked);
        assertTrue(text.toString().contains("[watch] box passes (" + points("box") + "/" + points("box") + "): next is drop-scope."), text.toString());
        assertTrue(text.toString().contains("[watch] drop-scope passes (" + points("drop-scope") + "/" + points("drop-scope") + "): next is borrows."), text.toString());
    }

    @Test
    void starts_at_the_first_exercise_without_full_marks() throws Exception {
        Script grading = new Script(report(Map.of("box", points("box"), "drop-scope", 3, "mutex", 0)));
        new Watcher(COURSE, grading, saves("fearless/exercises/box/OwnedBox.java"), out).run(Optional.empty());
        assertEquals(List.of(List.of(), List.of("drop-scope")), grading.asked);
        assertTrue(text.toString().contains("  drop-scope    3/25  <- next"), text.toString());
    }

    @Test
    void the_last_exercise_passed_is_the_end_of_the_course_but_not_of_the_watch() throws Exception {
        var exercises = COURSE.exercises();
        var last = exercises.get(exercises.size() - 1);
        Script grading = new Script(report(Map.of(last.id(), points(last.id()))),
                report(Map.of(last.id(), points(last.id()))));
        new Watcher(COURSE, grading, saves("fearless/exercises/" + last.packageName() + "/Saved.java"), out)
                .run(Optional.of(last.id()));
        assertEquals(List.of(List.of(last.id()), List.of(last.id())), grading.asked);
        assertEquals(2, text.toString().lines().filter(l -> l.contains("the course is done")).count(), text.toString());
    }

    @Test
    void a_grading_that_fails_is_said_and_the_next_save_tries_again() throws Exception {
        Script grading = new Script(report(Map.of("box", 0)), new IllegalStateException("disk full"),
                new UsageException("exercises registers no provider"), report(Map.of("box", 1)));
        new Watcher(COURSE, grading, saves("a/A.java", "a/A.java", "a/A.java"), out).run(Optional.of("box"));
        assertEquals(4, grading.asked.size());
        assertTrue(text.toString().contains("[watch] the grader failed: java.lang.IllegalStateException: disk full"),
                text.toString());
        assertTrue(text.toString().contains("[watch] cannot grade: exercises registers no provider"), text.toString());
    }

    @Test
    void a_request_that_cannot_be_graded_at_all_ends_the_watch() {
        Script grading = new Script(new UsageException("bubblewrap does not run here"));
        assertThrows(UsageException.class,
                () -> new Watcher(COURSE, grading, saves(), out).run(Optional.of("box")));
    }

    /**
     * What watch prints around the reports: the header of each grading with the file saved, the
     * compile verdict that comes first, the line that moves on, the line that waits. To accept an
     * intended change, run with {@code -Dgolden.update=true} and review the diff.
     */
    @Test
    void output_matches_golden() throws IOException, InterruptedException {
        Script grading = new Script(report(Map.of("drop-scope", 3)), report(Map.of("drop-scope", points("drop-scope"))),
                report(List.of(result(exercise("borrows"), 0,
                        List.of("fearless/exercises/borrows/LendingOwner.java:12: ';' expected")))));
        new Watcher(COURSE, grading, saves("fearless/exercises/dropscope/Scope.java"), out)
                .run(Optional.of("drop-scope"));
        Path file = GOLDEN.resolve("watch.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, text.toString());
        }
        assertEquals(Files.readString(file), text.toString(), "differs from " + file);
    }
}
