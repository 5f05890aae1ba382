package fearless.grader.cli;

import fearless.grader.course.Course;
import fearless.grader.engine.PackManifest;
import fearless.grader.engine.SubmissionPack;
import fearless.grader.engine.SubmissionTree;
import fearless.grader.report.Printable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fearless pack}: the submission as one zip to upload (Gradescope, a learning platform),
 * holding exactly what the grader would read, and saying what it left out, so a student sees
 * before uploading what will be graded.
 */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = "Zip the sources and provider registrations the grader would read, with a manifest of their"
                + " hashes, for upload. 'fearless grade ZIP' grades the zip.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:packed", "2:nothing to pack (no such folder, no .java file)", "3:the packing failed"})
final class PackCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", defaultValue = "exercises", paramLabel = "SUBMISSION",
            description = "'exercises' (default), 'solutions', or a folder holding src/main/java or a source tree.")
    private String submission;

    @Option(names = "--out", defaultValue = "fearless-submission.zip", paramLabel = "FILE",
            description = "The zip to write, replaced if it exists (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        SubmissionTree tree = SubmissionTree.resolve(submission, projectRoot());
        SubmissionPack.Packed packed = SubmissionPack.write(tree, Course.load(), kit(), out);
        stdout.print(render(submission, packed));
        stdout.flush();
        return 0;
    }

    /** What was packed, file by file, what was left out and why, and where the zip is. */
    static String render(String submission, SubmissionPack.Packed packed) {
        StringBuilder text = new StringBuilder("Fearless: packing ").append(Printable.of(submission)).append('\n');
        int width = packed.files().stream().mapToInt(f -> f.path().length()).max().orElse(0);
        for (PackManifest.Entry file : packed.files()) {
            text.append(String.format(Locale.ROOT, "  %-" + width + "s  %10s%n", Printable.of(file.path()),
                    size(file.size())));
        }
        if (!packed.refused().isEmpty()) {
            text.append("Left out (the grader would not read them):\n");
            packed.refused().forEach(line -> text.append("  ").append(Printable.of(line)).append('\n'));
        }
        if (packed.files().stream().noneMatch(f -> f.path().contains("/META-INF/services/"))) {
            text.append("No provider registration (META-INF/services/fearless.api...): the grader will find nothing"
                    + " to grade.\n");
        }
        String zip = Printable.of(packed.zip().toString());
        text.append(String.format(Locale.ROOT, "Packed %d files (%s) into %s%n", packed.files().size(),
                size(packed.bytes()), zip));
        text.append("Upload that file. './fearless grade ").append(zip).append("' grades it as the grader will.\n");
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    /** The kit's name and version, as {@code fearless --version} prints them. */
    private static String kit() {
        return Main.class.getAnnotation(Command.class).version()[0];
    }

    /** Where the kit is: {@code solutions} and {@code exercises} are found there. */
    private static Path projectRoot() {
        return Path.of(System.getProperty("fearless.home", "."));
    }
}
