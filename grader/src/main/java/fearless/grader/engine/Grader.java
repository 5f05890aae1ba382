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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The grading pipeline, one way through: resolve, compile, discover, run, score. Everything here
 * runs in the trusted parent; student code runs only in the children {@link CheckRunner} starts.
 */
public final class Grader {

    /** All a failing hidden check says, unless the course shows hidden checks' feedback. */
    public static final String HIDDEN_FEEDBACK = "a hidden check: why it failed is not shown";

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
     * @param checks check ids ({@code box/use_after_drop}) to run, the others left out; empty for all
     */
    public record Request(String submission, Path projectRoot, List<String> exercises, long seed, boolean scan,
                          String sandbox, List<String> checks) {
        public Request {
            exercises = List.copyOf(exercises);
            checks = List.copyOf(checks);
            Sandbox.Mode.parse(sandbox);
        }

        public Request(String submission, Path projectRoot, List<String> exercises, long seed, boolean scan,
                       String sandbox) {
            this(submission, projectRoot, exercises, seed, scan, sandbox, List.of());
        }

        /** The same request, running only {@code ids} of the selected exercises' checks. */
        public Request onlyChecks(List<String> ids) {
            return new Request(submission, projectRoot, exercises, seed, scan, sandbox, ids);
        }

        /** A request with the bytecode scan on and the sandbox chosen automatically, as a real grading run has them. */
        public Request(String submission, Path projectRoot, List<String> exercises, long seed) {
            this(submission, projectRoot, exercises, seed, true, "auto");
        }
    }

    /**
     * An exercise as grading finds it once compiled and scanned, before its checks run: what a
     * caller can show seconds before the report (the compiler's verdict, the checks to come).
     *
     * @param checks how many of its checks will run: none when it does not compile or is refused
     */
    public record Prepared(String exercise, List<String> compileErrors, List<String> violations, int checks) {
        public Prepared {
            compileErrors = List.copyOf(compileErrors);
            violations = List.copyOf(violations);
        }
    }

    public GradeReport grade(Request request) throws InterruptedException {
        return grade(request, prepared -> { });
    }

    /** Grades, telling {@code onPrepared} about each exercise as soon as it is compiled and scanned. */
    public GradeReport grade(Request request, Consumer<Prepared> onPrepared) throws InterruptedException {
        return grade(request, List.of(request.seed()), onPrepared).get(0);
    }

    /**
     * The same submission under each seed in turn, taken in, compiled and scanned once: what
     * calibration needs, since only the checks depend on the seed. One report per seed, in order;
     * each report's time counts the shared preparation and its own checks.
     */
    public List<GradeReport> grade(Request request, List<Long> seeds) throws InterruptedException {
        return grade(request, seeds, prepared -> { });
    }

    private List<GradeReport> grade(Request request, List<Long> seeds, Consumer<Prepared> onPrepared)
            throws InterruptedException {
        long start = System.nanoTime();
        List<ExerciseInfo> exercises = select(request.exercises().isEmpty() ? exercisesOf(request.checks())
                : request.exercises());
        Sandbox sandbox = Sandbox.choose(Sandbox.Mode.parse(request.sandbox()));
        Path work = createWorkDir();
        List<String> packages = course.exercises().stream().map(ExerciseInfo::packageName).toList();
        List<Path> classPath = ClassPath.entries(System.getProperty("java.class.path"));
        try (Runners runners = new Runners(seeds, seed -> new ChildSpec(java, classPath, seed, packages), sandbox,
                work)) {
            List<String> refused = new ArrayList<>();
            SubmissionTree tree = open(request, work, refused);
            CompletableFuture<List<CheckSpec>> discovery = CompletableFuture.supplyAsync(() ->
                    CheckCatalog.discover(course, checksPackage, exercises.stream().map(ExerciseInfo::id).toList()));
            runners.prestart(); // its JVM warms up while the submission is compiled
            Set<String> providers = exercises.stream().map(ExerciseInfo::provider).collect(Collectors.toSet());
            SubmissionIntake.Taken taken = SubmissionIntake.take(tree, providers, work.resolve("src"));
            SubmissionCompiler.Compiled compiled = new SubmissionCompiler(apiClassPath())
                    .compile(taken.sources(), tree.shownSources(), taken.javaFiles(), course.exercises(), exercises,
                            work.resolve("classes"));
            refused.addAll(taken.refused());
            Providers.install(taken.registrations(), compiled.classes(), exercises, compiled.errors(), tree.name(),
                    refused);
            ClassImage image = ClassImage.read(compiled.classes());
            Map<String, List<String>> forbidden = request.scan() ? SandboxGate.scan(image, exercises) : Map.of();
            List<CheckSpec> checks = only(discovered(discovery), request.checks());
            Map<String, List<CheckSpec>> own = new LinkedHashMap<>();
            for (ExerciseInfo exercise : exercises) {
                own.put(exercise.id(), checks.stream().filter(c -> c.exercise().equals(exercise.id())).toList());
            }
            List<ExerciseInfo> running = exercises.stream()
                    .filter(e -> !compiled.errors().containsKey(e.id()) && !forbidden.containsKey(e.id())
                            && !own.get(e.id()).isEmpty())
                    .toList();
            for (ExerciseInfo exercise : exercises) {
                onPrepared.accept(new Prepared(exercise.id(), compiled.errors().getOrDefault(exercise.id(), List.of()),
                        forbidden.getOrDefault(exercise.id(), List.of()),
                        running.contains(exercise) ? own.get(exercise.id()).size() : 0));
            }
            long prepared = System.nanoTime() - start;
            List<GradeReport> reports = new ArrayList<>();
            for (int k = 0; k < seeds.size(); k++) {
                long began = System.nanoTime();
                List<ExerciseResult> results = new ArrayList<>();
                for (ExerciseInfo exercise : exercises) {
                    Map<String, Outcome> outcomes = Map.of();
                    if (running.contains(exercise)) {
                        // One JVM per exercise: threads a broken exercise leaves spinning or blocked
                        // cannot slow down or starve the checks of the next one.
                        outcomes = runners.run(k, image, own.get(exercise.id()).stream().map(CheckSpec::uniqueId)
                                .toList(), running.indexOf(exercise) == running.size() - 1);
                    }
                    results.add(score(exercise, own.get(exercise.id()), outcomes,
                            compiled.errors().getOrDefault(exercise.id(), List.of()),
                            forbidden.getOrDefault(exercise.id(), List.of())));
                }
                reports.add(new GradeReport(tree.name(), seeds.get(k),
                        results.stream().mapToInt(ExerciseResult::score).sum(),
                        results.stream().mapToInt(ExerciseResult::maxScore).sum(),
                        (prepared + System.nanoTime() - began) / 1_000_000, runners.java(k), results, sandbox.name(),
                        refused, ruleLinks(results)));
                runners.done(k);
            }
            return reports;
        } finally {
            deleteQuietly(work);
        }
    }

    /** The lesson section of every rule the checks cite, in the order they first appear. */
    private Map<String, GradeReport.RuleLink> ruleLinks(List<ExerciseResult> results) {
        Map<String, GradeReport.RuleLink> links = new LinkedHashMap<>();
        results.stream().flatMap(e -> e.checks().stream()).flatMap(c -> c.rules().stream())
                .forEach(id -> Optional.ofNullable(course.rules().get(id))
                        .ifPresent(rule -> links.putIfAbsent(id, new GradeReport.RuleLink(rule.title(), rule.lesson()))));
        return links;
    }

    /**
     * The submission as a folder: a zip is first unpacked into this call's private folder, and the
     * entries it would not unpack are refused.
     */
    private static SubmissionTree open(Request request, Path work, List<String> refused) {
        Optional<Path> zip = SubmissionTree.zip(request.submission());
        if (zip.isEmpty()) {
            return SubmissionTree.resolve(request.submission(), request.projectRoot());
        }
        SubmissionZip.Unpacked unpacked = SubmissionZip.unpack(zip.get(), work.resolve("unpacked"));
        refused.addAll(unpacked.refused());
        return SubmissionTree.of(request.submission(), unpacked.root());
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

    /** The exercises the checks {@code ids} belong to ({@code box} for {@code box/is_owner}). */
    private static List<String> exercisesOf(List<String> ids) {
        List<String> exercises = new ArrayList<>();
        for (String id : ids) {
            int slash = id.indexOf('/');
            if (slash <= 0) {
                throw new UsageException("no check '" + id + "': a check is named EXERCISE/CHECK, as the report"
                        + " prints it (e.g. mutex/lots_and_lots)");
            }
            if (!exercises.contains(id.substring(0, slash))) {
                exercises.add(id.substring(0, slash));
            }
        }
        return exercises;
    }

    /** The checks {@code ids} names, all if it names none; a name that is no check is a usage error. */
    private static List<CheckSpec> only(List<CheckSpec> checks, List<String> ids) {
        if (ids.isEmpty()) {
            return checks;
        }
        Set<String> known = checks.stream().map(CheckSpec::id).collect(Collectors.toSet());
        for (String id : ids) {
            if (!known.contains(id)) {
                throw new UsageException("no check '" + id + "' in the exercises graded");
            }
        }
        return checks.stream().filter(c -> ids.contains(c.id())).toList();
    }

    private List<ExerciseInfo> select(List<String> ids) {
        if (ids.isEmpty()) {
            return course.exercises();
        }
        List<ExerciseInfo> selected = new ArrayList<>();
        for (String id : ids) {
            selected.add(UsageException.requireExercise(course, id));
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
                    outcome.status(), feedback(check, outcome), outcome.durationMs(), check.hidden(),
                    check.dependsOnScheduling()));
        }
        Course.Topic topic = course.topicOf(exercise);
        return new ExerciseResult(exercise.id(), topic.id(), exercise.title(), topic.lesson(),
                results.stream().mapToInt(CheckResult::score).sum(),
                results.stream().mapToInt(CheckResult::maxScore).sum(),
                compileErrors, violations, exercise.hints(), results);
    }

    /**
     * What the student reads of a verdict. A hidden check's reason is withheld unless the course says
     * otherwise, here once, so that no report writer can show it.
     */
    private String feedback(CheckSpec check, Outcome outcome) {
        boolean withheld = check.hidden() && course.hiddenFeedback() == Course.HiddenFeedback.WITHHELD;
        return withheld && outcome.status() != Status.PASSED ? HIDDEN_FEEDBACK : outcome.message();
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
