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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

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
    public record MutantFigures(String id, String exercise, String description, List<Caught> checks, int didNotRun,
                                long durationMs) {

        /** Every check it names caught it in every run. */
        public boolean caughtEveryTime() {
            return didNotRun == 0 && checks.stream().allMatch(c -> c.caught() == c.runs());
        }
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
     * with seeds {@code firstSeed} onwards; {@code progress} hears one line per mutant. Up to {@code jobs} mutants
     * are graded at once: the detection rates measured this way hold under that much load.
     */
    public Figures run(int runs, long firstSeed, BiPredicate<String, Mutant> only, boolean solutions, int jobs,
            Consumer<String> progress)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<Long> seeds = LongStream.range(firstSeed, firstSeed + runs).boxed().toList();
        List<MutantFigures> mutants = mutants(runs, firstSeed, only, jobs, figures -> progress.accept(line(figures)));
        List<FalseFailure> falseFailures = new ArrayList<>();
        int failedRuns = 0;
        if (solutions) {
            Map<String, Integer> failures = new TreeMap<>();
            for (GradeReport report : grade("solutions", seeds, List.of(), List.of())) {
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
    }

    /**
     * Grades the mutants that {@code only} accepts, {@code runs} times each with seeds {@code firstSeed} onwards,
     * up to {@code jobs} at once; {@code each} hears every mutant's figures as it is done. The figures come back in
     * the set's order, however they were graded.
     */
    public List<MutantFigures> mutants(int runs, long firstSeed, BiPredicate<String, Mutant> only, int jobs,
            Consumer<MutantFigures> each) throws IOException, InterruptedException {
        List<Long> seeds = LongStream.range(firstSeed, firstSeed + runs).boxed().toList();
        Path work = Files.createTempDirectory("fearless-calibrate-");
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<MutantFigures>> pending = new ArrayList<>();
            for (Path dir : Mutant.dirs(root.resolve(Mutant.SET))) {
                String id = Mutant.id(dir);
                Mutant mutant = Mutant.read(dir);
                if (!only.test(id, mutant)) {
                    continue;
                }
                Path tree = Mutant.layOver(dir, mutant.edits(), root.resolve("solutions"), work.resolve(id));
                pending.add(pool.submit(() -> {
                    MutantFigures figures = measure(id, mutant, tree, seeds);
                    each.accept(figures);
                    return figures;
                }));
            }
            List<MutantFigures> mutants = new ArrayList<>();
            for (Future<MutantFigures> figures : pending) {
                mutants.add(done(figures));
            }
            return mutants;
        } finally {
            pool.shutdownNow();
            FileTrees.delete(work);
        }
    }

    private static MutantFigures done(Future<MutantFigures> figures) throws InterruptedException {
        try {
            return figures.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private MutantFigures measure(String id, Mutant mutant, Path tree, List<Long> seeds) throws InterruptedException {
        long start = System.nanoTime();
        int[] caught = new int[mutant.trips().size()];
        int didNotRun = 0;
        // Only the checks the mutant names: the others' verdicts are not measured here.
        for (GradeReport report : grade(tree.toString(), seeds, List.of(mutant.exercise()), mutant.trips())) {
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
            checks.add(new Caught(mutant.trips().get(t), caught[t], seeds.size()));
        }
        return new MutantFigures(id, mutant.exercise(), mutant.description(), checks, didNotRun,
                (System.nanoTime() - start) / 1_000_000);
    }

    private List<GradeReport> grade(String submission, List<Long> seeds, List<String> exercises, List<String> checks)
            throws InterruptedException {
        return grader.grade(new Grader.Request(submission, root, exercises, seeds.get(0)).onlyChecks(checks), seeds);
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
