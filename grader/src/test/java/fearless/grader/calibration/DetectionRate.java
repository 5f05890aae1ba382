package fearless.grader.calibration;

import fearless.grader.check.Category;
import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.engine.CheckCatalog;
import fearless.grader.engine.CheckSpec;
import fearless.grader.report.CheckResult;
import fearless.grader.report.GradeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How reliably the race checks, which rest on real scheduling, catch their mutants, and how
 * reliably the solutions pass them: each mutant that trips a race check is graded N times with
 * N different seeds, and so are the solutions. Run by {@code bench/detection.sh}; prints a Markdown
 * table. Not a test: a measurement.
 */
public final class DetectionRate {

    /** The ids of every race check. */
    private static final Set<String> RACE = CheckCatalog.discover(CheckCatalog.CHECKS_PACKAGE,
                    Calibration.COURSE.exercises().stream().map(ExerciseInfo::id).toList())
            .stream().filter(c -> c.category() == Category.RACE).map(CheckSpec::id).collect(Collectors.toSet());

    private DetectionRate() {
    }

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        System.out.println("| mutant | race check | caught |");
        System.out.println("| --- | --- | --- |");
        Path work = Files.createTempDirectory("fearless-detection-");
        for (Path dir : Calibration.mutantDirs()) {
            Calibration.Mutant mutant = Calibration.read(dir);
            List<String> raceTrips = mutant.trips().stream().filter(RACE::contains).toList();
            if (raceTrips.isEmpty()) {
                continue;
            }
            Path tree = Calibration.overlay(dir, mutant.edits(), work.resolve(dir.getFileName()));
            int[] caught = new int[raceTrips.size()];
            for (int seed = 1; seed <= runs; seed++) {
                GradeReport report = Calibration.grade(tree.toString(), seed, List.of(mutant.exercise()));
                if (report.exercises().stream().anyMatch(e -> !e.ran())) {
                    throw new IllegalStateException(dir.getFileName() + " did not run: " + Calibration.summary(report));
                }
                for (int i = 0; i < raceTrips.size(); i++) {
                    String id = raceTrips.get(i);
                    caught[i] += Calibration.checks(report).anyMatch(c -> c.id().equals(id) && !c.passed()) ? 1 : 0;
                }
            }
            for (int i = 0; i < raceTrips.size(); i++) {
                System.out.printf(Locale.ROOT, "| %s/%s | %s | %d/%d |%n", mutant.exercise(), dir.getFileName(),
                        raceTrips.get(i), caught[i], runs);
            }
        }
        int passed = 0;
        int total = 0;
        for (int seed = 1; seed <= runs; seed++) {
            List<CheckResult> race = Calibration.checks(Calibration.grade("solutions", seed, List.of()))
                    .filter(c -> RACE.contains(c.id())).toList();
            total += race.size();
            passed += (int) race.stream().filter(CheckResult::passed).count();
        }
        System.out.printf(Locale.ROOT, "%nSolutions: %d of %d race-check verdicts passed over %d runs.%n",
                passed, total, runs);
    }
}
