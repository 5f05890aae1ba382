package fearless.grader.calibration;

import fearless.grader.engine.FileTrees;
import fearless.grader.engine.Grader;
import fearless.grader.report.CheckResult;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GradeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.BiPredicate;

/**
 * The calibration set as numbers: every mutant graded {@code runs} times with as many seeds, and how
 * often each check it names caught it; the reference solutions graded as often, and every point
 * they lost (a false failure). A check that rests on real scheduling shows here how near-certain
 * it is; a deterministic one shows {@code runs/runs} or a bug.
 */
public final class Calibrate {

    /** How often one check caught one mutant. */
    public record Caught(String check, int caught, int runs) {
    }

    /** One mutant's figures. {@code didNotRun} counts runs where its exercise did not even run. */
    public record MutantFigures(String id, String exercise, String description, List<Caught> checks, int didNotRun) {
    }

    /** How often a check failed on the reference solutions. */
    public record FalseFailure(String check, int failures, int runs) {
    }

    /** The whole measurement: what calibration.json holds. */
    public record Figures(int runs, long firstSeed, List<MutantFigures> mutants, List<FalseFailure> solutions,
                          int solutionRunsWithAFailure, long durationMs) {
    }

    private final Grader grader;
    private final Path root;

    /** @param root the kit's root: the solutions and the calibration set are found there */
    public Calibrate(Grader grader, Path root) {
        this.grader = grader;
        this.root = root;
    }

    /**
     * Grades the mutants that {@code only} accepts (by id and content), then the solutions, {@code runs} times each
     * with seeds {@code firstSeed} onwards; {@code progress} hears one line per mutant.
     */
    public Figures run(int runs, long firstSeed, BiPredicate<String, Mutant> only, boolean solutions,
            Consumer<String> progress)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path work = Files.createTempDirectory("fearless-calibrate-");
        try {
            List<MutantFigures> mutants = new ArrayList<>();
            for (Path dir : Mutant.dirs(root.resolve(Mutant.SET))) {
                String id = Mutant.id(dir);
                Mutant mutant = Mutant.read(dir);
                if (!only.test(id, mutant)) {
                    continue;
                }
                Path tree = Mutant.layOver(dir, mutant.edits(), root.resolve("solutions"), work.resolve(id));
                MutantFigures figures = measure(id, mutant, tree, runs, firstSeed);
                mutants.add(figures);
                progress.accept(line(figures));
            }
            List<FalseFailure> falseFailures = new ArrayList<>();
            int failedRuns = 0;
            if (solutions) {
                Map<String, Integer> failures = new TreeMap<>();
                for (int i = 0; i < runs; i++) {
                    GradeReport report = grade("solutions", firstSeed + i, List.of());
                    List<String> lost = checks(report).filter(c -> !c.passed()).map(CheckResult::id).toList();
                    failedRuns += lost.isEmpty() ? 0 : 1;
                    lost.forEach(check -> failures.merge(check, 1, Integer::sum));
                }
                failures.forEach((check, n) -> falseFailures.add(new FalseFailure(check, n, runs)));
                progress.accept("solutions: " + (runs - failedRuns) + "/" + runs + " runs at full marks"
                        + (falseFailures.isEmpty() ? "" : "; lost: " + falseFailures));
            }
            return new Figures(runs, firstSeed, mutants, falseFailures, failedRuns,
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            FileTrees.delete(work);
        }
    }

    private MutantFigures measure(String id, Mutant mutant, Path tree, int runs, long firstSeed)
            throws InterruptedException {
        int[] caught = new int[mutant.trips().size()];
        int didNotRun = 0;
        for (int i = 0; i < runs; i++) {
            GradeReport report = grade(tree.toString(), firstSeed + i, List.of(mutant.exercise()));
            if (report.exercises().stream().anyMatch(e -> !e.ran())) {
                didNotRun++;
                continue;
            }
            for (int t = 0; t < caught.length; t++) {
                String check = mutant.trips().get(t);
                caught[t] += checks(report).anyMatch(c -> c.id().equals(check) && !c.passed()) ? 1 : 0;
            }
        }
        List<Caught> checks = new ArrayList<>();
        for (int t = 0; t < caught.length; t++) {
            checks.add(new Caught(mutant.trips().get(t), caught[t], runs));
        }
        return new MutantFigures(id, mutant.exercise(), mutant.description(), checks, didNotRun);
    }

    private GradeReport grade(String submission, long seed, List<String> exercises) throws InterruptedException {
        return grader.grade(new Grader.Request(submission, root, exercises, seed));
    }

    private static java.util.stream.Stream<CheckResult> checks(GradeReport report) {
        return report.exercises().stream().map(ExerciseResult::checks).flatMap(List::stream);
    }

    /** One mutant's figures on one line: the id, then each check's rate; a check that missed is marked. */
    static String line(MutantFigures m) {
        StringBuilder out = new StringBuilder(m.id());
        for (Caught c : m.checks()) {
            out.append("  ").append(c.check()).append(' ').append(c.caught()).append('/').append(c.runs())
                    .append(c.caught() < c.runs() ? " MISSED " + (c.runs() - c.caught()) : "");
        }
        if (m.didNotRun() > 0) {
            out.append("  (did not run ").append(m.didNotRun()).append(" times: it does not compile or is refused)");
        }
        return out.toString();
    }
}
