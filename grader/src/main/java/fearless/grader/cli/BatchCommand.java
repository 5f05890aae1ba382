package fearless.grader.cli;

import fearless.grader.batch.BatchProgress;
import fearless.grader.batch.BatchRun;
import fearless.grader.batch.Exports;
import fearless.grader.batch.Gradebook;
import fearless.grader.batch.GraderVersion;
import fearless.grader.batch.Roster;
import fearless.grader.batch.Shard;
import fearless.grader.course.Course;
import fearless.grader.engine.Grader;
import fearless.grader.engine.UsageException;
import fearless.grader.report.ReportFormat;
import fearless.grader.report.ReportFormats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fearless batch}: grades every submission of a class folder into a gradebook. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Grade every submission in DIR (one folder, git working tree or zip each) into OUT/gradebook.db,"
                + " and write OUT/gradebook.csv, OUT/students/<id>/ and the class statistics.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the batch completed (submissions that could not be graded are rows saying why)",
                "2:the request cannot be served (no DIR, OUT not writable, bad --shard, unknown exercise or format)",
                "3:the grader failed"})
final class BatchCommand implements Callable<Integer> {

    /** The formats each student's folder gets when --format is not given; those not built in are left out. */
    static final List<String> DEFAULT_FORMATS = List.of("console", "json", "html");

    enum Progress { AUTO, BAR, LINES }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The class folder: one folder or zip per submission.")
    private Path dir;

    @Option(names = "--out", required = true, paramLabel = "OUT",
            description = "Folder for gradebook.db and its exports; a rerun with the same OUT grades only what changed.")
    private Path out;

    @Option(names = {"-j", "--jobs"}, defaultValue = "1", paramLabel = "N",
            description = "Submissions graded at once (default: ${DEFAULT-VALUE}).")
    private int jobs;

    @Option(names = "--regrade", description = "Grade every submission again, even those unchanged since their latest row.")
    private boolean regrade;

    @Option(names = "--roster", paramLabel = "FILE",
            description = "CSV with a header naming the columns student and submission (the folder's or zip's name);"
                    + " its other columns are copied into gradebook.csv.")
    private Path roster;

    @Option(names = "--shard", paramLabel = "I/N", defaultValue = "1/1",
            description = "Grade only the I-th of N deterministic slices of the students (default: ${DEFAULT-VALUE});"
                    + " 'fearless merge' combines the shards' OUT folders.")
    private String shard;

    @Option(names = {"-e", "--exercise"}, split = ",", paramLabel = "ID",
            description = "Grade only these exercises (repeatable). Default: all.")
    private List<String> exercises = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "42", description = "Seed for every submission (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--sandbox", defaultValue = "auto", paramLabel = "MODE",
            description = "auto, bwrap or none, as for grade (default: ${DEFAULT-VALUE}).")
    private String sandbox;

    @Option(names = "--java", paramLabel = "JAVA", description = "The java executable (or JDK folder) that runs the checks.")
    private Path java;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "The report formats written into each student's folder besides report.txt and report.json"
                    + " (default: console,json,html).")
    private List<String> formats;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "MODE",
            description = "bar (one line redrawn), lines (one line per submission, for logs) or auto (bar on a"
                    + " terminal; default: ${DEFAULT-VALUE}).")
    private Progress progress;

    @Override
    public Integer call() throws IOException, SQLException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        Course course = Course.load();
        List<String> known = course.exercises().stream().map(Course.ExerciseInfo::id).toList();
        for (String id : exercises) {
            if (!known.contains(id)) {
                throw new UsageException("no exercise '" + id + "'; the exercises are: " + String.join(", ", known));
            }
        }
        Shard slice = Shard.parse(shard);
        new Grader.Request("batch", GradeCommand.projectRoot(), exercises, seed, true, sandbox); // refuses a bad sandbox
        Roster students = roster == null ? Roster.NONE : Roster.read(roster);
        Exports exports = new Exports(students, known, formats(formats));
        boolean bar = progress == Progress.BAR || progress == Progress.AUTO && System.console() != null;
        BatchRun run = new BatchRun(new Grader(course, GradingOptions.javaExecutable(java)), version(), exports,
                total -> new BatchProgress(stdout, bar, total, jobs));
        BatchRun.Summary summary = run.run(new BatchRun.Settings(dir, out, jobs, regrade, students, slice, seed,
                exercises, sandbox, GradeCommand.projectRoot()));
        stdout.println("graded " + summary.graded() + ", unchanged " + summary.unchanged() + ", not graded "
                + summary.notGraded() + "; wrote " + summary.out().resolve(Gradebook.FILE) + " and "
                + summary.out().resolve(Exports.CSV));
        stdout.flush();
        return 0;
    }

    /** The kit's version as {@code --version} prints it, with the course's and the grader's fingerprint. */
    static String version() {
        return GraderVersion.of(Main.class.getAnnotation(Command.class).version()[0]);
    }

    /**
     * The formats {@code ids} names (null: the default ones that exist); an unknown id is refused
     * before anything is graded.
     */
    static List<ReportFormat> formats(List<String> ids) {
        List<ReportFormat> chosen = new ArrayList<>();
        for (String id : ids == null ? DEFAULT_FORMATS : ids) {
            var format = ReportFormats.byId(id.strip());
            if (format.isEmpty() && ids != null) {
                throw new UsageException("unknown format '" + id + "'; the formats are: "
                        + String.join(", ", ReportFormats.ids()));
            }
            format.filter(f -> !chosen.contains(f)).ifPresent(chosen::add);
        }
        return chosen;
    }
}
