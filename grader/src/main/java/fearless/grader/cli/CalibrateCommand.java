package fearless.grader.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fearless.grader.calibration.Calibrate;
import fearless.grader.calibration.FixtureFilter;
import fearless.grader.calibration.Mutant;
import fearless.grader.calibration.Selfcheck;
import fearless.grader.check.Category;
import fearless.grader.course.Course;
import fearless.grader.engine.CheckCatalog;
import fearless.grader.engine.CheckSpec;
import fearless.grader.engine.Grader;
import fearless.grader.engine.UsageException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fearless calibrate}: how reliably the checks catch the calibration mutants, and how
 * reliably the solutions keep full marks, over many seeds. For instructors and the kit's
 * maintainers; its figures go into BENCHMARKS.md.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Grade the solutions and every calibration mutant N times with N seeds; print each mutant's "
                + "detection rate per check and the solutions' false failures; write calibration.json.")
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--runs", defaultValue = "10", description = "Runs per mutant and for the solutions (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--seed", defaultValue = "1", description = "The first seed; run i uses seed + i (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--mutant", split = ",", paramLabel = "TEXT",
            description = "Only the mutants whose id (exercise/name) contains one of these texts; a text ending in / is an exercise (channel/ is not sync-channel/). Default: all.")
    private List<String> mutants;

    @Option(names = "--category", paramLabel = "CATEGORY",
            description = "Only the mutants that trip a check of this category (race: the checks that rest on real "
                    + "scheduling). Default: all.")
    private String category;

    @Option(names = "--solutions", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Grade the solutions as often, counting their false failures (default: yes; --no-solutions"
                    + " skips them).")
    private boolean solutions;

    @Option(names = "--jobs", defaultValue = "1", paramLabel = "N",
            description = "Mutants graded at once (default: ${DEFAULT-VALUE}); the rates then hold under that load.")
    private int jobs;

    @Option(names = "--out", defaultValue = "fearless-report", paramLabel = "DIR",
            description = "Folder for calibration.json (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (runs < 1 || jobs < 1) {
            throw new UsageException("--runs and --jobs must be at least 1");
        }
        Path root = Path.of(System.getProperty("fearless.home", "."));
        if (!Files.isDirectory(root.resolve(Mutant.SET)) || !Files.isDirectory(root.resolve("solutions"))) {
            // A student repository (fearless export) keeps the command but has neither.
            throw new UsageException("calibrate needs the kit's calibration set (" + Mutant.SET
                    + ") and its reference solutions (solutions/), which " + root.toAbsolutePath().normalize()
                    + " does not have: calibrate is an instructor's command");
        }
        Set<String> named = Selfcheck.mutants(root, List.of(), new FixtureFilter("mutant", mutants));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        stdout.printf("calibrating: %d runs each, seeds %d to %d, %d at once%n", runs, seed, seed + runs - 1, jobs);
        stdout.flush();
        Course course = Course.load();
        Set<String> ofCategory = category == null ? null : CheckCatalog.discover(course, CheckCatalog.CHECKS_PACKAGE,
                        course.exercises().stream().map(Course.ExerciseInfo::id).toList()).stream()
                .filter(c -> c.category() == Category.fromId(category)).map(CheckSpec::id).collect(Collectors.toSet());
        Predicate<Mutant> wanted = m -> ofCategory == null || m.trips().stream().anyMatch(ofCategory::contains);
        Calibrate.Figures figures = new Calibrate(new Grader(course, java), root).run(runs, seed,
                (id, m) -> named.contains(id) && wanted.test(m), solutions, jobs,
                line -> {
                    stdout.println(line);
                    stdout.flush();
                });
        long missed = figures.mutants().stream().flatMap(m -> m.checks().stream()).filter(c -> c.caught() < c.runs()).count();
        stdout.printf("%d mutants; %d (mutant, check) pairs missed at least once; solutions lost points in %d of %d runs;"
                + " %.1f s%n", figures.mutants().size(), missed, figures.solutionRunsWithAFailure(),
                solutions ? runs : 0, figures.durationMs() / 1000.0);
        Files.createDirectories(out);
        Path file = out.resolve("calibration.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), figures);
        stdout.println("wrote " + file);
        return 0;
    }
}
