package fearless.grader.cli;

import fearless.grader.course.Course;
import fearless.grader.engine.Grader;
import fearless.grader.engine.SubmissionTree;
import fearless.grader.engine.UsageException;
import fearless.grader.watch.SourceWatch;
import fearless.grader.watch.Watcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fearless watch}: the student's loop. Grades the exercise at hand whenever a file of the
 * submission is saved, and moves on to the next exercise once it has full marks. Ends with
 * Ctrl-C or the end of its standard input.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Grade the exercise at hand each time a file is saved; on full marks, go on to the next one.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped (Ctrl-C or the end of the standard input)", "2:the request cannot be graded",
                "3:the grader failed"})
final class WatchCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for grading to end its children and remove its folders. */
    private static final long STOP_GRACE_SECONDS = 5;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "SUBMISSION|EXERCISE",
            description = "In either order: the submission ('exercises' (default), 'solutions', or a folder holding"
                    + " src/main/java or a source tree) and the exercise to start at (default: the first in course"
                    + " order without full marks). A word that names an exercise is the exercise.")
    private List<String> words = new ArrayList<>();

    @Mixin
    private GradingOptions options;

    /** Where the end of input comes from; a test gives its own. */
    private final InputStream input;

    /** The thread that watches, while it does: what Ctrl-C and the end of input interrupt. */
    private Thread watching;

    WatchCommand() {
        this(System.in);
    }

    WatchCommand(InputStream input) {
        this.input = input;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Course course = Course.load();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            stop();
            try {
                stopped.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                // Exiting anyway.
            }
        }, "fearless-watch-stop");
        try {
            String exercise = null;
            String submission = null;
            for (String word : words) {
                if (course.exercise(word).isPresent()) {
                    if (exercise != null) {
                        throw new UsageException("watch starts at one exercise, not at both '" + exercise + "' and '"
                                + word + "'");
                    }
                    exercise = word;
                } else if (submission == null) {
                    submission = word;
                } else {
                    throw new UsageException("neither '" + submission + "' nor '" + word + "' is an exercise; the"
                            + " exercises are: " + String.join(", ", course.exercises().stream()
                            .map(Course.ExerciseInfo::id).toList()));
                }
            }
            submission = submission == null ? "exercises" : submission;
            Path root = GradeCommand.projectRoot();
            Watcher.Grading grading = grading(new Grader(course, options.javaExecutable()), submission, root,
                    options.seed, options.sandbox);
            try (SourceWatch saves = new SourceWatch(folders(SubmissionTree.resolve(submission, root)))) {
                synchronized (this) {
                    watching = Thread.currentThread();
                }
                Runtime.getRuntime().addShutdownHook(onCtrlC);
                stopOnEndOfInput(saves);
                stdout.println("[watch] watching " + submission + " for saves");
                ReportFolder folder = new ReportFolder(options.out);
                new Watcher(course, grading, saves, stdout, report -> {
                    try {
                        folder.save(report, true);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot save the report in " + options.out, e);
                    }
                }, report -> folder.forTerminal(report, options.verbose)).run(Optional.ofNullable(exercise));
            }
            stdout.println("[watch] stopped");
            return 0;
        } catch (InterruptedException e) {
            stdout.println("[watch] stopped");
            return 0;
        } finally {
            synchronized (this) {
                watching = null;
                Thread.interrupted(); // a stop that came as the watch ended anyway
            }
            stdout.flush();
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException | IllegalArgumentException shuttingDownOrNeverAdded) {
                // Either way the hook has nothing left to do.
            }
        }
    }

    /** Grading as {@code fearless grade} does it, one exercise (or every one) at a time. */
    static Watcher.Grading grading(Grader grader, String submission, Path root, long seed, String sandbox) {
        new Grader.Request(submission, root, List.of(), seed, true, sandbox); // an unknown sandbox is refused now
        return (exercises, onPrepared) -> grader.grade(new Grader.Request(submission, root, exercises, seed, true,
                sandbox), onPrepared);
    }

    /** The folders grading reads: the sources and, where they are apart, the resources. */
    private static List<Path> folders(SubmissionTree tree) {
        List<Path> folders = new ArrayList<>(List.of(tree.sources()));
        tree.resources().filter(Files::isDirectory).ifPresent(folders::add);
        return folders;
    }

    /** Interrupts the watch, and any grading under way, if it still runs. */
    private synchronized void stop() {
        if (watching != null) {
            watching.interrupt();
        }
    }

    /** A daemon that ends the watch, and any grading under way, when the input ends. */
    private void stopOnEndOfInput(SourceWatch saves) {
        Thread reader = new Thread(() -> {
            try {
                while (input.read() != -1) {
                    // Keys are not commands (yet): only the end of the input counts.
                }
            } catch (IOException unreadable) {
                return; // no input to end: Ctrl-C it is
            }
            saves.close();
            stop();
        }, "fearless-watch-input");
        reader.setDaemon(true);
        reader.start();
    }
}
