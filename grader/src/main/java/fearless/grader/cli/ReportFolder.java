package fearless.grader.cli;

import fearless.grader.report.ConsoleReport;
import fearless.grader.report.GradeReport;
import fearless.grader.report.JsonReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The folder every grading saves its reports in ({@code fearless-report/} unless {@code --out}
 * says otherwise): the whole text the terminal cuts and points to, the JSON for tools, and the
 * progress {@code list} reads. {@code grade} and {@code watch} save the same way.
 */
public final class ReportFolder {

    private static final ConsoleReport WHOLE_TEXT = new ConsoleReport();
    private static final JsonReport JSON = new JsonReport();

    private final Path dir;

    ReportFolder(Path dir) {
        this.dir = dir;
    }

    Path wholeText() {
        return dir.resolve(WHOLE_TEXT.fileName());
    }

    Path json() {
        return dir.resolve(JSON.fileName());
    }

    /** What a terminal shows of {@code report}, its cuts pointing at the saved whole text. */
    String forTerminal(GradeReport report, boolean verbose) {
        return ConsoleReport.forTerminal(verbose, wholeText().toString()).render(report);
    }

    /**
     * Saves {@code report.txt} and {@code report.json}, and, for a run that graded whole exercises
     * (not chosen checks), each exercise's latest grade.
     */
    void save(GradeReport report, boolean wholeExercises) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(wholeText(), WHOLE_TEXT.render(report));
        writeAtomically(json(), JSON.render(report));
        if (wholeExercises) {
            ProgressLog.at(dir).record(report);
        }
    }

    /** Writes one more file of the run beside the others, and says where. */
    Path write(String fileName, String text) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName);
        writeAtomically(file, text);
        return file;
    }

    /**
     * Every child is gone when grading returns; a report still replaces the old one in one step,
     * so a reader sees the old report or the new one, never a mix.
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".report-", ".tmp");
        try {
            Files.writeString(temp, text);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
