package fearless.grader.calibration;

import fearless.grader.engine.FileTrees;
import fearless.grader.engine.Grader;
import fearless.grader.engine.UsageException;
import fearless.grader.report.CheckResult;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GradeReport;
import fearless.grader.report.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kit proved sound before a course starts: the committed stubs score zero, the solutions
 * score full marks under every seed, and every calibration mutant is caught by each check it
 * names. One {@link Row} per fixture, each handed on as soon as it is graded.
 */
public final class Selfcheck {

    /** One fixture's verdict: what was graded, whether it held, why not, how long it took. */
    public record Row(String fixture, boolean sound, String detail, long durationMs) {
    }

    /**
     * What to check.
     *
     * @param exercises the exercises to check; empty for all
     * @param seeds the seeds the solutions are graded with; the stubs and the mutants use the first
     * @param mutants the mutant ids to grade, in the set's order
     * @param jobs mutants graded at once
     */
    public record Plan(List<String> exercises, List<Long> seeds, Set<String> mutants, int jobs) {
    }

    private final Grader grader;
    private final Path root;
    private final Consumer<String> warnings;

    /** @param root the kit: its {@code exercises/}, {@code solutions/} and calibration set */
    public Selfcheck(Grader grader, Path root, Consumer<String> warnings) {
        this.grader = grader;
        this.root = root;
        this.warnings = warnings;
    }

    /** Every fixture of the plan graded, in order: the stubs, the solutions per seed, the mutants. */
    public List<Row> run(Plan plan, Consumer<Row> progress) throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        Object oneAtATime = new Object();
        Consumer<Row> done = row -> {
            synchronized (oneAtATime) {
                progress.accept(row);
            }
        };
        rows.add(report(stubs(plan), done));
        for (Row row : solutions(plan)) {
            rows.add(report(row, done));
        }
        for (Calibrate.MutantFigures mutant : new Calibrate(grader, root).mutants(1, plan.seeds().get(0),
                (id, m) -> plan.mutants().contains(id), plan.jobs(), figures -> done.accept(row(figures)))) {
            rows.add(row(mutant));
        }
        return rows;
    }

    /**
     * The ids of the calibration mutants of {@code exercises} (all if empty) that {@code filter} keeps.
     *
     * @throws UsageException when the kit has no calibration set, or a text of the filter matches no mutant
     */
    public static Set<String> mutants(Path root, List<String> exercises, FixtureFilter filter) {
        Path set = root.resolve(Mutant.SET);
        if (!Files.isDirectory(set)) {
            throw new UsageException("no calibration set at " + set);
        }
        List<Path> dirs = Mutant.dirs(set).stream()
                .filter(dir -> exercises.isEmpty() || exercises.contains(Mutant.read(dir).exercise())).toList();
        return filter.apply(dirs, Mutant::id).stream().map(Mutant::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Row report(Row row, Consumer<Row> progress) {
        progress.accept(row);
        return row;
    }

    private Row stubs(Plan plan) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path copy = Files.createTempDirectory("fearless-stubs-");
        try {
            Path stubs = CommittedStubs.copy(root, copy, warnings);
            GradeReport report = grade(stubs.toString(), plan.exercises(), plan.seeds().get(0));
            List<String> wrong = new ArrayList<>();
            report.exercises().stream().filter(e -> !e.compiled()).forEach(e -> wrong.add(e.id() + " does not compile"));
            checks(report).filter(c -> c.status() != Status.FAILED)
                    .forEach(c -> wrong.add(c.id() + (c.passed() ? " passed" : " ended " + c.status().id())));
            return new Row("stubs", wrong.isEmpty() && report.score() == 0,
                    report.score() + "/" + report.maxScore() + detail(wrong), millisSince(start));
        } finally {
            FileTrees.delete(copy);
        }
    }

    /** The solutions under each seed: compiled once, their checks run per seed. */
    private List<Row> solutions(Plan plan) throws InterruptedException {
        List<Row> rows = new ArrayList<>();
        List<GradeReport> reports = grader.grade(new Grader.Request(root.resolve("solutions").toString(), root,
                plan.exercises(), plan.seeds().get(0)), plan.seeds());
        for (GradeReport report : reports) {
            List<String> lost = checks(report).filter(c -> !c.passed()).map(c -> c.id() + " " + c.status().id())
                    .toList();
            rows.add(new Row("solutions seed " + report.seed(), lost.isEmpty() && report.maxScore() > 0,
                    report.score() + "/" + report.maxScore() + detail(lost), report.durationMs()));
        }
        return rows;
    }

    private static Row row(Calibrate.MutantFigures mutant) {
        List<String> escaped = mutant.checks().stream().filter(c -> c.caught() < c.runs())
                .map(c -> c.check() + " missed it").collect(Collectors.toCollection(ArrayList::new));
        if (mutant.didNotRun() > 0) {
            escaped.add(0, "it does not compile or is refused");
        }
        String caught = mutant.checks().size() == 1 ? "caught by its check" : "caught by its " + mutant.checks().size()
                + " checks";
        return new Row("mutant " + mutant.id(), mutant.caughtEveryTime(),
                escaped.isEmpty() ? caught : String.join("; ", escaped), mutant.durationMs());
    }

    private GradeReport grade(String tree, List<String> exercises, long seed) throws InterruptedException {
        return grader.grade(new Grader.Request(tree, root, exercises, seed));
    }

    private static Stream<CheckResult> checks(GradeReport report) {
        return report.exercises().stream().map(ExerciseResult::checks).flatMap(List::stream);
    }

    private static String detail(List<String> problems) {
        return problems.isEmpty() ? "" : ": " + String.join(", ", problems);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
