package fearless.grader.cli;

import fearless.grader.scaffold.ExerciseScaffold;
import fearless.grader.scaffold.ExerciseScaffold.Change;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fearless new exercise}: every file of a new exercise, with TODOs, and its manifest entry. */
@Command(name = "exercise", mixinStandardHelpOptions = true,
        description = {"Create a new exercise: the api interface and provider, the stub, the reference solution, a checks "
                + "class, a calibration mutant, a lesson section and the manifest entry, each with TODO(scaffold) "
                + "comments that say what to write. See course-notes/authoring.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the files were created", "2:refused (invalid or existing id or package, not the project's"
                + " root); nothing was written", "3:the files could not be written"})
final class NewExerciseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The exercise id, e.g. rw-lock.")
    private String id;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC",
            description = "The topic it belongs to (a new one is created if none has this id).")
    private String topic;

    @Option(names = "--title", paramLabel = "TEXT", description = "Its title in the reports and the lesson (default: the id).")
    private String title;

    @Option(names = "--package", paramLabel = "PKG",
            description = "The last segment of its packages (default: the id without hyphens).")
    private String packageName;

    /** The project's root; the tests point it at a copy. */
    @Option(names = "--project", hidden = true, paramLabel = "DIR")
    private Path project = Path.of(System.getProperty("fearless.home", "."));

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Change> changes = ExerciseScaffold.plan(project, new ExerciseScaffold.Request(id, topic, title,
                packageName));
        try {
            ExerciseScaffold.write(project, changes);
        } catch (IOException | RuntimeException e) {
            err.println("fearless: the files of exercise '" + id + "' could not all be written: " + e);
            return Main.GRADER_ERROR;
        }
        out.print(summary(changes));
        out.flush();
        return 0;
    }

    /** What was created and changed, each with its job, and what to do next. */
    String summary(List<Change> changes) {
        int width = changes.stream().mapToInt(c -> c.path().length()).max().orElse(0);
        StringBuilder text = new StringBuilder("New exercise '").append(id).append("' in topic '").append(topic)
                .append("'.\n");
        for (boolean created : new boolean[] {true, false}) {
            text.append(created ? "\nCreated:\n" : "Changed:\n");
            for (Change c : changes) {
                if (c.created() == created) {
                    text.append("  ").append(c.path()).append(" ".repeat(width - c.path().length() + 2))
                            .append(c.job()).append('\n');
                }
            }
        }
        return text.append("""

                Next, as course-notes/authoring.md explains:
                  1. Write the api's Javadoc, then the checks, the solution, the stub, the mutants (four or more),
                     the lesson: replace every %1$s in the files above.
                  2. The project's tests name what is still missing, until nothing is:
                       mvn -B -pl api,child,grader -am test -Dsurefire.failIfNoSpecifiedTests=false \\
                         -Dtest='ScaffoldLeftoversTest,PromisesTest,CalibrationSetTest,LessonMistakesTest'
                  3. Calibrate: the solution earns full marks, the stub nothing, each mutant loses its checks:
                       ./fearless grade solutions --exercise %2$s
                       ./fearless grade exercises --exercise %2$s
                       ./fearless calibrate --runs 5 --no-solutions --mutant %2$s/
                """.formatted(ExerciseScaffold.TODO, id)).toString();
    }
}
