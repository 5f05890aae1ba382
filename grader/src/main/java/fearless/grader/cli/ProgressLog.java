package fearless.grader.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GradeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each exercise's latest grade, kept beside the reports ({@code progress.json}): a run of one
 * exercise replaces that exercise's entry only, so {@code list} shows the whole course without
 * grading anything again.
 */
final class ProgressLog {

    static final String FILE = "progress.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    private ProgressLog(Path file) {
        this.file = file;
    }

    static ProgressLog at(Path reportFolder) {
        return new ProgressLog(reportFolder.resolve(FILE));
    }

    /**
     * One exercise's latest grade.
     *
     * @param status {@code passed}, {@code failing}, {@code does-not-compile} or {@code not-run}
     */
    record Entry(String submission, int score, int maxScore, String status, long seed, String gradedAt) {
    }

    /** The latest grade of each exercise graded so far; empty before the first run. */
    Map<String, Entry> read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Map<String, Entry> entries = new TreeMap<>();
            JSON.readTree(file.toFile()).get("exercises").fields().forEachRemaining(
                    e -> entries.put(e.getKey(), JSON.convertValue(e.getValue(), Entry.class)));
            return entries;
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + " cannot be read (" + e.getMessage() + "); delete it, and grade again", e);
        }
    }

    /** Replaces the entries of the exercises {@code report} graded, keeping the others. */
    void record(GradeReport report) throws IOException {
        Map<String, Entry> entries = new TreeMap<>(read());
        String now = Instant.now().toString();
        for (ExerciseResult exercise : report.exercises()) {
            entries.put(exercise.id(), new Entry(report.submission(), exercise.score(), exercise.maxScore(),
                    status(exercise), report.seed(), now));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("exercises", entries);
        ReportFolder.writeAtomically(file, JSON.writeValueAsString(root) + "\n");
    }

    private static String status(ExerciseResult exercise) {
        if (!exercise.compiled()) {
            return "does-not-compile";
        }
        if (!exercise.ran()) {
            return "not-run";
        }
        return exercise.score() == exercise.maxScore() ? "passed" : "failing";
    }
}
