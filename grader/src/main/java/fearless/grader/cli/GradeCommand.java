package fearless.grader.cli;

import fearless.grader.course.Course;
import fearless.grader.engine.Grader;
import fearless.grader.engine.UsageException;
import fearless.grader.report.ConsoleReport;
import fearless.grader.report.GithubReport;
import fearless.grader.report.GradeReport;
import fearless.grader.report.JsonReport;
import fearless.grader.report.ReportFormat;
import fearless.grader.report.ReportFormats;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fearless grade}: grades a submission and writes the reports. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Compile a submission, run its checks in a separate JVM, and report the score.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:grading completed (whatever the score, unless --fail-under says otherwise)",
                "1:grading completed below --fail-under", "2:the request cannot be graded", "3:the grader failed"})
final class GradeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", defaultValue = "exercises", paramLabel = "SUBMISSION",
            description = "'solutions', 'exercises' (default), a folder holding src/main/java or a source tree,"
                    + " or a zip 'fearless pack' wrote.")
    private String submission;

    @Option(names = {"-e", "--exercise"}, split = ",", paramLabel = "ID",
            description = "Grade only these exercises (repeatable). Default: all.")
    private List<String> exercises = new ArrayList<>();

    @Option(names = {"-c", "--check"}, split = ",", paramLabel = "ID",
            description = "Run only these checks (repeatable), e.g. mutex/lots_and_lots: to re-run the one that failed."
                    + " Default: all.")
    private List<String> checks = new ArrayList<>();

    @Option(names = "--format", split = ",", defaultValue = "console", paramLabel = "FORMAT",
            description = "Comma list of console (the table on the terminal, report.txt), json (report.json),"
                    + " gradescope (results.json), github (summary.md, annotations and the points line), html"
                    + " (report.html), junit (junit.xml); each writes its file to --out. report.txt and report.json"
                    + " are written either way; without console the terminal only says where the files are"
                    + " (default: ${DEFAULT-VALUE}).")
    private List<String> formats;

    @Option(names = "--fail-under", paramLabel = "PERCENT",
            description = "Exit 1 when grading completed with a score below PERCENT of the points (0-100), so a CI"
                    + " job goes red. Without it a completed grading exits 0 whatever the score.")
    private Double failUnder;

    @Mixin
    private GradingOptions options;

    /** Where the GitHub Actions variables come from: the process's environment, a fake one in tests. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (failUnder != null && !(failUnder >= 0 && failUnder <= 100)) {
            throw new UsageException("--fail-under takes a percentage from 0 to 100, not " + failUnder);
        }
        List<ReportFormat> writers = new ArrayList<>();
        for (String id : formats) {
            ReportFormat format = ReportFormats.byId(id.strip()).orElseThrow(() -> new UsageException(
                    "unknown format '" + id + "'; the formats are: " + String.join(", ", ReportFormats.ids())));
            if (!writers.contains(format)) {
                writers.add(format);
            }
        }
        Course course = Course.load();
        GradeReport report = new Grader(course, options.javaExecutable()).grade(new Grader.Request(submission,
                projectRoot(), exercises, options.seed, true, options.sandbox, checks));
        ReportFolder folder = new ReportFolder(options.out);
        boolean console = writers.removeIf(w -> w instanceof ConsoleReport);
        boolean github = writers.stream().anyMatch(w -> w instanceof GithubReport);
        if (console) {
            String text = folder.forTerminal(report, options.verbose);
            stdout.print(github ? GithubActions.inert(text) : text);
            stdout.flush();
        }
        // The whole text and the machine-readable result are always saved: the terminal's
        // "more lines in" pointers name them, and `list` reads the progress they record.
        folder.save(report, checks.isEmpty());
        List<String> written = new ArrayList<>(List.of(folder.wholeText().toString(), folder.json().toString()));
        for (ReportFormat writer : writers) {
            if (!(writer instanceof JsonReport)) {
                written.add(folder.write(writer.fileName(), writer.render(report)).toString());
            }
        }
        if (github) {
            new GithubActions(env, GithubActions.folderOf(submission, projectRoot()), course)
                    .report(report, stdout);
        }
        stdout.println(console ? "whole report: " + folder.wholeText() + " (and "
                + String.join(", ", written.subList(1, written.size())) + ")" : "wrote " + String.join(", ", written));
        stdout.flush();
        return belowThreshold(report) ? 1 : 0;
    }

    /** Whether {@code --fail-under} was given and the score is under it; says so on stderr. */
    private boolean belowThreshold(GradeReport report) {
        if (failUnder == null) {
            return false;
        }
        double percent = report.maxScore() == 0 ? 100 : 100.0 * report.score() / report.maxScore();
        if (percent >= failUnder) {
            return false;
        }
        PrintWriter stderr = spec.commandLine().getErr();
        stderr.printf(Locale.ROOT, "fearless: %d/%d points (%.1f%%) is below --fail-under %s%%%n", report.score(),
                report.maxScore(), percent, BigDecimal.valueOf(failUnder).stripTrailingZeros().toPlainString());
        stderr.flush();
        return true;
    }

    /** Where the kit is: {@code solutions} and {@code exercises} are found there. */
    static Path projectRoot() {
        return Path.of(System.getProperty("fearless.home", "."));
    }
}
