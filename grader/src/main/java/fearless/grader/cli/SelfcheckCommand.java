package fearless.grader.cli;

import fearless.grader.calibration.FixtureFilter;
import fearless.grader.calibration.Selfcheck;
import fearless.grader.calibration.SelfcheckTable;
import fearless.grader.course.Course;
import fearless.grader.engine.Grader;
import fearless.grader.engine.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fearless selfcheck}: the instructor's proof, before a course starts, that the kit is
 * sound. Unlike {@code calibrate}, which measures rates, it gives a verdict and an exit code.
 */
@Command(name = "selfcheck", mixinStandardHelpOptions = true,
        description = "Prove the kit sound: the committed stubs score zero, the solutions score full marks under "
                + "several seeds, every calibration mutant is caught by the checks it names. A line per fixture as it "
                + "is graded, then one table.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the kit is sound", "1:a fixture failed", "2:the request is not understood",
                "3:the grader failed"})
final class SelfcheckCommand implements Callable<Integer> {

    /** Exit code for a kit that is not sound. */
    static final int NOT_SOUND = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--seeds", defaultValue = "3", paramLabel = "N",
            description = "Seeds the solutions are graded with (default: ${DEFAULT-VALUE}).")
    private int seeds;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED",
            description = "The first seed; the solutions' run i uses seed + i, the stubs and mutants this one"
                    + " (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = {"-e", "--exercise"}, split = ",", paramLabel = "ID",
            description = "Only these exercises' stubs, solutions and mutants (repeatable). Default: all.")
    private List<String> exercises = new ArrayList<>();

    @Option(names = "--mutant", split = ",", paramLabel = "TEXT",
            description = "Only the mutants whose id (exercise/name) contains one of these texts; a text ending in / is an exercise (channel/ is not sync-channel/). Default: all.")
    private List<String> mutants = new ArrayList<>();

    @Option(names = "--jobs", defaultValue = "1", paramLabel = "N",
            description = "Mutants graded at once (default: ${DEFAULT-VALUE}).")
    private int jobs;

    @Option(names = "--project", paramLabel = "DIR",
            description = "The kit to check: the folder holding exercises/, solutions/ and the calibration set."
                    + " Default: this one.")
    private Path project;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (seeds < 1 || jobs < 1) {
            throw new UsageException("--seeds and --jobs must be at least 1");
        }
        Course course = Course.load();
        exercises.forEach(id -> UsageException.requireExercise(course, id));
        Path root = project != null ? project : Path.of(System.getProperty("fearless.home", "."));
        Set<String> chosen = Selfcheck.mutants(root, exercises, new FixtureFilter("mutant", mutants));
        List<Long> seedList = LongStream.range(seed, seed + seeds).boxed().toList();
        stdout.printf("selfcheck: the stubs, the solutions with %d seed%s, %d mutants, %d at once%n", seeds,
                seeds == 1 ? "" : "s", chosen.size(), jobs);
        stdout.flush();
        long start = System.nanoTime();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<Selfcheck.Row> rows = new Selfcheck(new Grader(course, java), root, warning -> {
            stderr.println(warning);
            stderr.flush();
        }).run(new Selfcheck.Plan(exercises, seedList, chosen, jobs), row -> {
            stdout.println(SelfcheckTable.line(row));
            stdout.flush();
        });
        stdout.println();
        stdout.print(SelfcheckTable.render(rows, (System.nanoTime() - start) / 1_000_000));
        stdout.flush();
        return rows.stream().allMatch(Selfcheck.Row::sound) ? 0 : NOT_SOUND;
    }
}
