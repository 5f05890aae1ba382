package fearless.grader.engine;

import fearless.api.Result;
import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.report.CheckResult;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GradeReport;
import fearless.grader.report.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * The grading pipeline, one way through: resolve, compile, discover, run, score. Everything here
 * runs in the trusted parent; student code runs only in the children {@link CheckRunner} starts.
 */
public final class Grader {

    private final Course course;
    private final Path java;
    private final String checksPackage;

    /**
     * @param java the {@code java} executable that runs the checks
     */
    public Grader(Course course, Path java) {
        this(course, java, CheckCatalog.CHECKS_PACKAGE);
    }

    /** A grader running the checks found under {@code checksPackage} (the project's tests use fixtures). */
    public Grader(Course course, Path java, String checksPackage) {
        this.course = course;
        this.java = java;
        this.checksPackage = checksPackage;
    }

    /**
     * What to grade.
     *
     * @param submission {@code solutions}, {@code exercises} or a path
     * @param projectRoot where {@code solutions} and {@code exercises} are
     * @param exercises exercise ids to grade; empty for all
     * @param scan whether the bytecode scan runs (always, but in the project's attack fixtures)
     * @param sandbox the operating-system sandbox the children run in
     */
    public record Request(String submission, Path projectRoot, List<String> exercises, long seed, boolean scan,
                          String sandbox) {
        public Request {
            exercises = List.copyOf(exercises);
            Sandbox.Mode.parse(sandbox);
        }

        /** A request with the bytecode scan on and the sandbox chosen automatically, as a real grading run has them. */
        public Request(String submission, Path projectRoot, List<String> exercises, long seed) {
            this(submission, projectRoot, exercises, seed, true, "auto");
        }
    }

    public GradeReport grade(Request request) throws InterruptedException {
        return grade(request, List.of(request.seed())).get(0);
    }

    /**
     * The same submission under each seed in turn, taken in, compiled and scanned once: what
     * calibration needs, since only the checks depend on the seed. One report per seed, in order;
     * each report's time counts the shared preparation and its own checks.
     */
    public List<GradeReport> grade(Request request, List<Long> seeds) throws InterruptedException {
        long start = System.nanoTime();
        List<ExerciseInfo> exercises = select(request.exercises());
        SubmissionTree tree = SubmissionTree.resolve(request.submission(), request.projectRoot());
        Sandbox sandbox = Sandbox.choose(Sandbox.Mode.parse(request.sandbox()));
        Path work = createWorkDir();
        try {
            CompletableFuture<List<CheckSpec>> discovery = CompletableFuture.supplyAsync(() ->
                    CheckCatalog.discover(checksPackage, exercises.stream().map(ExerciseInfo::id).toList()));
            Set<String> providers = exercises.stream().map(ExerciseInfo::provider).collect(Collectors.toSet());
            SubmissionIntake.Taken taken = SubmissionIntake.take(tree, providers, work.resolve("src"));
            SubmissionCompiler.Compiled compiled = new SubmissionCompiler(apiClassPath())
                    .compile(taken.sources(), taken.javaFiles(), exercises, work.resolve("classes"));
            List<String> refused = new ArrayList<>(taken.refused());
            Providers.install(taken.registrations(), compiled.classes(), exercises, compiled.errors(), tree.name(),
                    refused);
            ClassImage image = ClassImage.read(compiled.classes());
            Map<String, List<String>> forbidden = request.scan() ? SandboxGate.scan(image, exercises) : Map.of();
            List<CheckSpec> checks = discovered(discovery);
            long prepared = System.nanoTime() - start;
            List<GradeReport> reports = new ArrayList<>();
            for (long seed : seeds) {
                long began = System.nanoTime();
                ChildSpec spec = new ChildSpec(java, ClassPath.entries(System.getProperty("java.class.path")), seed,
                        course.exercises().stream().map(ExerciseInfo::packageName).toList());
                Path runWork = work.resolve("run-" + reports.size());
                CheckRunner runner = new CheckRunner(spec, sandbox, image, runWork);
                List<ExerciseResult> results = new ArrayList<>();
                for (ExerciseInfo exercise : exercises) {
                    List<String> compileErrors = compiled.errors().getOrDefault(exercise.id(), List.of());
                    List<String> violations = forbidden.getOrDefault(exercise.id(), List.of());
                    List<CheckSpec> own = checks.stream().filter(c -> c.exercise().equals(exercise.id())).toList();
                    // One JVM per exercise: threads a broken exercise leaves spinning or blocked cannot
                    // slow down or starve the checks of the next one.
                    Map<String, Outcome> outcomes = compileErrors.isEmpty() && violations.isEmpty() && !own.isEmpty()
                            ? runner.run(own.stream().map(CheckSpec::uniqueId).toList())
                            : Map.of();
                    results.add(score(exercise, own, outcomes, compileErrors, violations));
                }
                int score = results.stream().mapToInt(ExerciseResult::score).sum();
                int max = results.stream().mapToInt(ExerciseResult::maxScore).sum();
                reports.add(new GradeReport(tree.name(), seed, score, max,
                        (prepared + System.nanoTime() - began) / 1_000_000, runner.java(), results, sandbox.name(),
                        refused));
                deleteQuietly(runWork);
            }
            return reports;
        } finally {
            deleteQuietly(work);
        }
    }

    private static List<CheckSpec> discovered(CompletableFuture<List<CheckSpec>> discovery) throws InterruptedException {
        try {
            return discovery.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private List<ExerciseInfo> select(List<String> ids) {
        if (ids.isEmpty()) {
            return course.exercises();
        }
        List<ExerciseInfo> selected = new ArrayList<>();
        for (String id : ids) {
            selected.add(course.exercise(id).orElseThrow(() -> new UsageException("no exercise '" + id
                    + "'; the exercises are: " + String.join(", ",
                    course.exercises().stream().map(ExerciseInfo::id).toList()))));
        }
        return selected;
    }

    private ExerciseResult score(ExerciseInfo exercise, List<CheckSpec> checks, Map<String, Outcome> outcomes,
                                 List<String> compileErrors, List<String> violations) {
        List<CheckResult> results = new ArrayList<>();
        for (CheckSpec check : checks) {
            Outcome outcome;
            if (!compileErrors.isEmpty()) {
                outcome = new Outcome(Status.FAILED, "not run: the exercise does not compile", 0);
            } else if (!violations.isEmpty()) {
                outcome = new Outcome(Status.FAILED, "not run: the exercise uses what a submission may not touch: "
                        + violations.get(0), 0);
            } else {
                outcome = outcomes.getOrDefault(check.uniqueId(), new Outcome(Status.ERROR, "never reported a result", 0));
            }
            int earned = outcome.status() == Status.PASSED ? check.points() : 0;
            results.add(new CheckResult(check.id(), check.category().id(), check.rules(), earned, check.points(),
                    outcome.status(), outcome.message(), outcome.durationMs(), check.hidden()));
        }
        Course.Topic topic = course.topicOf(exercise);
        return new ExerciseResult(exercise.id(), topic.id(), exercise.title(), topic.lesson(),
                results.stream().mapToInt(CheckResult::score).sum(),
                results.stream().mapToInt(CheckResult::maxScore).sum(),
                compileErrors, violations, exercise.hints(), results);
    }

    /** Where the api's classes are: the only thing a submission may compile against. */
    private static String apiClassPath() {
        try {
            return Path.of(Result.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("fearless-grade-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (UncheckedIOException ignored) {
            // A temp folder left behind is harmless.
        }
    }
}
