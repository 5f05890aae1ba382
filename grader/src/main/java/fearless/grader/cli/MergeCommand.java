package fearless.grader.cli;

import fearless.grader.batch.Exports;
import fearless.grader.batch.Gradebook;
import fearless.grader.batch.Roster;
import fearless.grader.batch.Row;
import fearless.grader.course.Course;
import fearless.grader.engine.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fearless merge}: one gradebook from the gradebooks of several batches, typically the
 * shards of one class graded on several machines. Every run and row is kept; a student graded in
 * more than one of them is shown as their latest grading, and named on stderr.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combine the gradebooks of batch OUT folders (the shards of a class) into MERGED/gradebook.db"
                + " and write its exports.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:merged", "2:the request cannot be served (no gradebook in an OUT, MERGED already has one)",
                "3:the grader failed"})
final class MergeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "OUT", description = "Output folders of 'fearless batch'.")
    private List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "MERGED", description = "Folder for the merged gradebook.")
    private Path out;

    @Option(names = "--roster", paramLabel = "FILE", description = "The roster whose extra columns gradebook.csv shows.")
    private Path roster;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "The report formats written into each student's folder besides report.txt and report.json"
                    + " (default: console,json,html).")
    private List<String> formats;

    @Override
    public Integer call() throws IOException, SQLException {
        Path merged = out.toAbsolutePath().normalize();
        Path target = merged.resolve(Gradebook.FILE);
        for (Path input : inputs) {
            if (!Files.isRegularFile(input.resolve(Gradebook.FILE))) {
                throw new UsageException("no " + Gradebook.FILE + " in " + input + ": give the --out folders of"
                        + " 'fearless batch'");
            }
            if (input.toAbsolutePath().normalize().equals(merged)) {
                throw new UsageException("--out " + out + " is one of the gradebooks to merge: give a new folder");
            }
        }
        if (Files.exists(target)) {
            throw new UsageException(target + " exists: merge writes a new gradebook, give a new or empty folder");
        }
        Roster students = roster == null ? Roster.NONE : Roster.read(roster);
        List<String> courseOrder = Course.load().exercises().stream().map(Course.ExerciseInfo::id).toList();
        Exports exports = new Exports(students, courseOrder, BatchCommand.formats(formats));
        Files.createDirectories(merged);
        Map<String, Path> seenIn = new LinkedHashMap<>();
        PrintWriter stderr = spec.commandLine().getErr();
        try (Gradebook gradebook = Gradebook.open(target)) {
            for (Path input : inputs) {
                try (Gradebook shard = Gradebook.open(input.resolve(Gradebook.FILE))) {
                    for (Row row : shard.current()) {
                        Path earlier = seenIn.putIfAbsent(row.student(), input);
                        if (earlier != null && !earlier.equals(input)) {
                            stderr.println("fearless: student '" + row.student() + "' is in " + earlier + " and "
                                    + input + ": the later grading counts");
                        }
                    }
                }
                gradebook.importFrom(input.resolve(Gradebook.FILE));
            }
            exports.write(merged, gradebook.current());
        }
        stderr.flush();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("merged " + inputs.size() + " gradebooks, " + seenIn.size() + " students; wrote " + target
                + " and " + merged.resolve(Exports.CSV));
        stdout.flush();
        return 0;
    }
}
