package fearless.grader.watch;

import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.engine.Grader;
import fearless.grader.engine.UsageException;
import fearless.grader.report.ConsoleReport;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GradeReport;
import fearless.grader.report.Printable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The student's loop: grade the exercise at hand, show its checks, wait for a save, grade it again;
 * once it has full marks, go on to the next exercise in course order. Only one exercise is graded
 * at a time, so its result comes back in seconds, and a save made while it is graded is graded
 * after it, once: grading and waiting take turns in one thread.
 */
public final class Watcher {

    /** How the watcher grades: the real grader, or a test's stand-in. */
    @FunctionalInterface
    public interface Grading {
        /**
         * Grades {@code exercises} (every exercise when empty), telling {@code onPrepared} about each
         * as soon as it is compiled, before its checks run.
         */
        GradeReport grade(List<String> exercises, Consumer<Grader.Prepared> onPrepared) throws InterruptedException;
    }

    private final Course course;
    private final Grading grading;
    private final Changes changes;
    private final PrintWriter out;
    private final Consumer<GradeReport> keep;
    private final Function<GradeReport, String> render;
    private boolean graded;

    /** A watcher that prints each report whole and keeps none. */
    public Watcher(Course course, Grading grading, Changes changes, PrintWriter out) {
        this(course, grading, changes, out, report -> { }, new ConsoleReport()::render);
    }

    /**
     * @param keep what becomes of each report graded (the command saves it where {@code grade}
     *             saves its own, so the terminal's cuts point to a file that exists)
     * @param render what the terminal shows of a report
     */
    public Watcher(Course course, Grading grading, Changes changes, PrintWriter out, Consumer<GradeReport> keep,
                   Function<GradeReport, String> render) {
        this.course = course;
        this.grading = grading;
        this.changes = changes;
        this.out = out;
        this.keep = keep;
        this.render = render;
    }

    /**
     * Watches until the saves end. Starts at {@code start}, or without one at the first exercise
     * in course order that lacks full marks (grading them all once to find it).
     *
     * @throws InterruptedException when stopped meanwhile (grading is abandoned cleanly)
     */
    public void run(Optional<String> start) throws InterruptedException {
        String current;
        GradeReport report;
        if (start.isPresent()) {
            current = start.get();
            report = grade(current, List.of());
        } else {
            say("grading every exercise once, to start at the first without full marks...");
            GradeReport all = attempt(List.of(), prepared -> { });
            current = all == null ? first().id() : firstUnfinished(all);
            report = all == null ? null : only(all, current);
            if (all != null) {
                keep.accept(all);
                summarize(all, current);
                out.println();
                out.print(render.apply(report));
            }
        }
        while (true) {
            if (report != null && passes(report)) {
                Optional<ExerciseInfo> next = after(current);
                if (next.isPresent()) {
                    say(current + " passes (" + score(report) + "): next is " + next.get().id() + ".");
                    current = next.get().id();
                    report = grade(current, List.of());
                    continue;
                }
                say(current + " passes (" + score(report) + "): that was the last exercise, the course is done."
                        + " Still watching (Ctrl-C quits).");
            } else {
                say("save a file to grade " + current + " again (Ctrl-C quits).");
            }
            Optional<List<Path>> saved = changes.next();
            if (saved.isEmpty()) {
                return;
            }
            report = grade(current, saved.get());
        }
    }

    /** Grades one exercise, printing its compile verdict as soon as it is known, then its report. */
    private GradeReport grade(String exercise, List<Path> saved) throws InterruptedException {
        out.println();
        ExerciseInfo info = course.exercise(exercise).orElseThrow();
        say("grading " + exercise + ": " + info.title() + (saved.isEmpty() ? "" : "  (saved " + names(saved) + ")"));
        GradeReport report = attempt(List.of(exercise), prepared -> {
            if (prepared.exercise().equals(exercise)) {
                say(verdict(prepared));
            }
        });
        if (report != null) {
            keep.accept(report);
            out.print(render.apply(report));
            out.flush();
        }
        return report;
    }

    /**
     * The report, or null when this attempt could not be graded (said why): the next save tries
     * again. A request that cannot be graded at all (a sandbox that does not run, say) ends the
     * watch at the first attempt, as it ends {@code fearless grade}.
     */
    private GradeReport attempt(List<String> exercises, Consumer<Grader.Prepared> onPrepared)
            throws InterruptedException {
        try {
            GradeReport report = grading.grade(exercises, onPrepared);
            graded = true;
            return report;
        } catch (UsageException e) {
            if (!graded) {
                throw e;
            }
            say("cannot grade: " + e.getMessage());
        } catch (RuntimeException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped while grading");
            }
            say("the grader failed: " + e);
        }
        return null;
    }

    private static String verdict(Grader.Prepared prepared) {
        String id = prepared.exercise();
        if (!prepared.compileErrors().isEmpty()) {
            String first = prepared.compileErrors().get(0).lines().findFirst().orElse("");
            return id + " does not compile: " + Printable.of(first);
        }
        if (!prepared.violations().isEmpty()) {
            return id + " compiles, but uses what a submission may not touch: "
                    + Printable.of(prepared.violations().get(0));
        }
        int checks = prepared.checks();
        return id + " compiles; running its " + checks + (checks == 1 ? " check..." : " checks...");
    }

    private void summarize(GradeReport all, String current) {
        int width = all.exercises().stream().mapToInt(e -> e.id().length()).max().orElse(0);
        for (ExerciseResult exercise : all.exercises()) {
            String mark = exercise.score() == exercise.maxScore() ? "passes"
                    : exercise.id().equals(current) ? "<- next" : "";
            out.println(String.format(Locale.ROOT, "  %-" + width + "s %7s  %s",
                    exercise.id(), exercise.score() + "/" + exercise.maxScore(), mark).stripTrailing());
        }
    }

    private String firstUnfinished(GradeReport all) {
        return all.exercises().stream().filter(e -> e.score() < e.maxScore()).map(ExerciseResult::id).findFirst()
                .orElse(course.exercises().get(course.exercises().size() - 1).id());
    }

    private ExerciseInfo first() {
        return course.exercises().get(0);
    }

    private Optional<ExerciseInfo> after(String exercise) {
        List<ExerciseInfo> order = course.exercises();
        for (int i = 0; i < order.size() - 1; i++) {
            if (order.get(i).id().equals(exercise)) {
                return Optional.of(order.get(i + 1));
            }
        }
        return Optional.empty();
    }

    private static boolean passes(GradeReport report) {
        return report.score() == report.maxScore();
    }

    private static String score(GradeReport report) {
        return report.score() + "/" + report.maxScore();
    }

    /** The report of one exercise out of a report of them all. */
    private static GradeReport only(GradeReport all, String exercise) {
        ExerciseResult result = all.exercises().stream().filter(e -> e.id().equals(exercise)).findFirst().orElseThrow();
        return new GradeReport(all.submission(), all.seed(), result.score(), result.maxScore(), all.durationMs(),
                all.java(), List.of(result), all.sandbox(), all.refused(), all.rules());
    }

    private static String names(List<Path> saved) {
        String first = Printable.of(saved.get(0).toString());
        return saved.size() == 1 ? first : first + " and " + (saved.size() - 1) + " more";
    }

    private void say(String line) {
        out.println("[watch] " + line);
        out.flush();
    }
}
