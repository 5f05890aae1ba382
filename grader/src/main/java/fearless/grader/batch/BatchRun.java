package fearless.grader.batch;

import fearless.grader.engine.Grader;
import fearless.grader.engine.UsageException;
import fearless.grader.report.GradeReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Grades a class: every submission of a class folder (or of one shard of it), each with the same
 * seed and exercises and each by its own {@link Grader#grade} call (its own work folder and child
 * JVMs, as a single {@code grade} has), up to {@code jobs} at once. A submission that cannot be
 * graded, or that the grader fails on, becomes its row with a status and a reason, and the rest
 * are graded. A submission whose content hash, seed, exercises and grader version are those of
 * its latest row is not graded again (unless {@code regrade}): only hashed, no JVM started. The
 * rows are recorded by the calling thread alone, the gradebook's one writer, and the exports are
 * written from the gradebook at the end.
 */
public final class BatchRun {

    /**
     * What to grade and how.
     *
     * @param exercises the exercise ids to grade; empty for all
     */
    public record Settings(Path dir, Path out, int jobs, boolean regrade, Roster roster, Shard shard, long seed,
                           List<String> exercises, String sandbox, Path projectRoot) {
        public Settings {
            exercises = List.copyOf(exercises);
            if (jobs < 1) {
                throw new UsageException("--jobs takes a number of at least 1, not " + jobs);
            }
        }
    }

    /** How a batch went: submissions graded now, kept as they were, recorded without a grade. */
    public record Summary(int graded, int unchanged, int notGraded, Path out) {
    }

    /** One submission a student handed in, as this run plans to record it. */
    private record Plan(ClassFolder.Entry entry, String student, String hash, Row.Status status, String reason) {
    }

    private final Grader grader;
    private final String graderVersion;
    private final Exports exports;
    private final IntFunction<BatchProgress> progress;

    /** @param progress the display for a batch of the given number of students */
    public BatchRun(Grader grader, String graderVersion, Exports exports, IntFunction<BatchProgress> progress) {
        this.grader = grader;
        this.graderVersion = graderVersion;
        this.exports = exports;
        this.progress = progress;
    }

    public Summary run(Settings settings) throws IOException, SQLException, InterruptedException {
        Path dir = settings.dir().toAbsolutePath().normalize();
        Path out = settings.out().toAbsolutePath().normalize();
        if (out.startsWith(dir)) {
            throw new UsageException("--out " + out + " is inside the class folder " + dir
                    + ": it would be taken for a submission");
        }
        Map<String, List<ClassFolder.Entry>> byStudent = new TreeMap<>();
        for (ClassFolder.Entry entry : ClassFolder.entries(dir)) {
            byStudent.computeIfAbsent(settings.roster().studentOf(entry), s -> new ArrayList<>()).add(entry);
        }
        List<String> students = settings.shard().of(new ArrayList<>(byStudent.keySet()));
        writable(out);
        String exercises = String.join(",", settings.exercises());
        try (Gradebook gradebook = Gradebook.open(out.resolve(Gradebook.FILE))) {
            Map<String, Row> latest = gradebook.latestBySource();
            long runId = gradebook.startRun(new Gradebook.Run(graderVersion, settings.seed(), settings.jobs(),
                    settings.shard().toString(), exercises));
            BatchProgress shown = progress.apply(students.stream().mapToInt(s -> byStudent.get(s).size()).sum());
            ExecutorService pool = Executors.newFixedThreadPool(settings.jobs());
            int graded = 0;
            int unchanged = 0;
            int notGraded = 0;
            try {
                CompletionService<Row> grading = new ExecutorCompletionService<>(pool);
                int pending = 0;
                // Hashing is most of a rerun's work: the pool's threads share it.
                Map<String, Future<List<Plan>>> planned = new LinkedHashMap<>();
                for (String student : students) {
                    planned.put(student, pool.submit(() -> plan(student, byStudent.get(student))));
                }
                for (String student : students) {
                    List<Plan> plans = planned(planned.get(student));
                    if (!settings.regrade() && plans.stream().allMatch(p -> holds(p, latest, settings, exercises))) {
                        unchanged += plans.size();
                        plans.forEach(p -> shown.unchanged(p.student() + " (" + p.entry().source() + ")"));
                        continue;
                    }
                    for (Plan plan : plans) {
                        if (plan.status() == Row.Status.GRADED) {
                            grading.submit(() -> grade(plan, settings));
                            pending++;
                        } else {
                            Row row = row(plan, settings, plan.status(), plan.reason(), 0, Optional.empty());
                            gradebook.record(runId, row);
                            notGraded++;
                            shown.recorded(row, false);
                        }
                    }
                }
                for (; pending > 0; pending--) {
                    Row row = done(grading);
                    gradebook.record(runId, row);
                    if (row.status() == Row.Status.GRADED) {
                        graded++;
                    } else {
                        notGraded++;
                    }
                    shown.recorded(row, true);
                }
            } finally {
                pool.shutdownNow();
                shown.end();
            }
            gradebook.finishRun(runId);
            exports.write(out, gradebook.current());
            return new Summary(graded, unchanged, notGraded, out);
        }
    }

    /** How each of a student's entries is to be recorded: graded, or why not. */
    private static List<Plan> plan(String student, List<ClassFolder.Entry> entries) {
        List<Plan> plans = new ArrayList<>();
        for (ClassFolder.Entry entry : entries) {
            String hash;
            try {
                hash = ContentHash.of(entry.path());
            } catch (IOException e) {
                plans.add(new Plan(entry, student, "", Row.Status.NOT_GRADED, "cannot be read: "
                        + StudentFolder.printable(String.valueOf(e.getMessage()))));
                continue;
            }
            Optional<String> badId = StudentFolder.problem(student);
            if (entries.size() > 1) {
                plans.add(new Plan(entry, student, hash, Row.Status.DUPLICATE, "student '"
                        + StudentFolder.printable(student) + "' is handed in " + entries.size() + " times ("
                        + String.join(", ", entries.stream().map(ClassFolder.Entry::source).toList())
                        + "): none is graded until one is left"));
            } else if (entry.kind() == ClassFolder.Kind.OTHER) {
                plans.add(new Plan(entry, student, hash, Row.Status.IGNORED,
                        "neither a folder nor a .zip: not a submission"));
            } else if (badId.isPresent()) {
                plans.add(new Plan(entry, student, hash, Row.Status.NOT_GRADED, badId.get()));
            } else {
                plans.add(new Plan(entry, student, hash, Row.Status.GRADED, ""));
            }
        }
        return plans;
    }

    private boolean holds(Plan plan, Map<String, Row> latest, Settings settings, String exercises) {
        Row last = latest.get(Gradebook.key(plan.student(), plan.entry().source()));
        return last != null && last.stillHolds(plan.hash(), plan.status(), plan.reason(), settings.seed(), exercises,
                graderVersion);
    }

    /** Grades one submission; whatever goes wrong becomes its row. */
    private Row grade(Plan plan, Settings settings) throws InterruptedException {
        long start = System.nanoTime();
        Row.Status status;
        String reason;
        Optional<GradeReport> report = Optional.empty();
        try {
            GradeReport graded = grader.grade(new Grader.Request(plan.entry().path().toString(),
                    settings.projectRoot(), settings.exercises(), settings.seed(), true, settings.sandbox()));
            report = Optional.of(new GradeReport(plan.entry().source(), graded.seed(), graded.score(),
                    graded.maxScore(), graded.durationMs(), graded.java(), graded.exercises(), graded.sandbox(),
                    graded.refused(), graded.rules()));
            status = Row.Status.GRADED;
            reason = graded.refused().isEmpty() ? ""
                    : "files not read: " + shown(String.join("; ", graded.refused()), plan);
        } catch (UsageException | UncheckedIOException e) {
            status = Row.Status.NOT_GRADED;
            reason = shown(e.getMessage(), plan);
        } catch (RuntimeException | LinkageError e) {
            status = Row.Status.ERROR;
            reason = "the grader failed on it: " + shown(String.valueOf(e), plan);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return row(plan, settings, status, reason, millis, report);
    }

    private Row row(Plan plan, Settings settings, Row.Status status, String reason, long millis,
                    Optional<GradeReport> report) {
        return new Row(plan.student(), plan.entry().source(), plan.hash(), status, reason,
                report.map(GradeReport::score).orElse(0), report.map(GradeReport::maxScore).orElse(0), settings.seed(),
                String.join(",", settings.exercises()), graderVersion, Gradebook.now(), millis, report);
    }

    /** A message about a submission, naming it by its name in the class folder rather than its whole path. */
    private static String shown(String message, Plan plan) {
        String text = message == null ? "" : message.replace(plan.entry().path().toString(), plan.entry().source());
        return StudentFolder.printable(text);
    }

    private static List<Plan> planned(Future<List<Plan>> plans) throws InterruptedException {
        try {
            return plans.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a hashing thread failed", e.getCause());
        }
    }

    private static Row done(CompletionService<Row> grading) throws InterruptedException {
        try {
            return grading.take().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a grading thread failed", e.getCause());
        }
    }

    private static void writable(Path out) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UsageException("cannot write to " + out + ": " + e);
        }
        if (!Files.isWritable(out)) {
            throw new UsageException("cannot write to " + out + ": not writable");
        }
    }
}
