package fearless.grader.cli;

import fearless.grader.course.Course;
import fearless.grader.engine.Grader;
import fearless.grader.engine.UsageException;
import fearless.grader.report.ConsoleReport;
import fearless.grader.report.GradeReport;
import fearless.grader.report.JsonReport;
import fearless.grader.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        exitCodeList = {"0:grading completed (whatever the score)", "2:the request cannot be graded",
                "3:the grader failed"})
final class GradeCommand implements Callable<Integer> {

    private static final Map<String, ReportFormat> FORMATS = formats(new ConsoleReport(), new JsonReport());

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
            description = "What to print: console (the table), json (nothing on the terminal but where the files are);"
                    + " report.txt and report.json are written to --out either way (default: ${DEFAULT-VALUE}).")
    private List<String> formats;

    @Mixin
    private GradingOptions options;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        List<ReportFormat> writers = new ArrayList<>();
        for (String id : formats) {
            ReportFormat format = FORMATS.get(id.strip());
            if (format == null) {
                throw new UsageException("unknown format '" + id + "'; the formats are: " + String.join(", ", FORMATS.keySet()));
            }
            writers.add(format);
        }
        GradeReport report = new Grader(Course.load(), options.javaExecutable()).grade(new Grader.Request(submission,
                projectRoot(), exercises, options.seed, true, options.sandbox, checks));
        ReportFolder folder = new ReportFolder(options.out);
        boolean console = writers.removeIf(w -> w instanceof ConsoleReport);
        if (console) {
            stdout.print(folder.forTerminal(report, options.verbose));
            stdout.flush();
        }
        // The whole text and the machine-readable result are always saved: the terminal's
        // "more lines in" pointers name them, and `list` reads the progress they record.
        folder.save(report, checks.isEmpty());
        for (ReportFormat writer : writers) {
            if (!(writer instanceof JsonReport)) {
                folder.write(writer.fileName(), writer.render(report));
            }
        }
        stdout.println(console ? "whole report: " + folder.wholeText() + " (and " + folder.json() + ")"
                : "wrote " + folder.wholeText() + " and " + folder.json());
        stdout.flush();
        return 0;
    }

    /** Where the kit is: {@code solutions} and {@code exercises} are found there. */
    static Path projectRoot() {
        return Path.of(System.getProperty("fearless.home", "."));
    }

    private static Map<String, ReportFormat> formats(ReportFormat... all) {
        Map<String, ReportFormat> byId = new LinkedHashMap<>();
        for (ReportFormat f : all) {
            byId.put(f.id(), f);
        }
        return byId;
    }
}
