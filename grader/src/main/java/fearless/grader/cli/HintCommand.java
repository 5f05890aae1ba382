package fearless.grader.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import fearless.grader.engine.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fearless hint EXERCISE}: the exercise's next hint, one more each time. The report shows
 * the first; each call here shows the one after the last shown, so help comes a step at a time.
 */
@Command(name = "hint", mixinStandardHelpOptions = true,
        description = "Show the exercise's next hint (the report shows the first; each call shows one more).")
final class HintCommand implements Callable<Integer> {

    static final String FILE = "hints.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXERCISE", description = "The exercise id, as the report prints it.")
    private String exercise;

    @Option(names = "--all", description = "Show every hint of the exercise.")
    private boolean all;

    @Option(names = "--out", defaultValue = "fearless-report", paramLabel = "DIR",
            description = "The folder grade writes its reports to; it remembers the hints shown (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Course course = Course.load();
        ExerciseInfo info = UsageException.requireExercise(course, exercise);
        List<String> hints = info.hints();
        String lesson = course.topicOf(info).lesson();
        if (hints.isEmpty()) {
            stdout.println(info.id() + " has no hints: its lesson explains it, " + lesson);
        } else if (all) {
            for (int i = 0; i < hints.size(); i++) {
                stdout.println(line(info, hints, i));
            }
        } else {
            Path file = out.resolve(FILE);
            Map<String, Integer> shown = read(file);
            int index = Math.min(shown.getOrDefault(info.id(), 1), hints.size() - 1);
            stdout.println(line(info, hints, index));
            if (index == hints.size() - 1) {
                stdout.println("That is the last hint. The lesson explains the rest: " + lesson
                        + " (--all shows every hint).");
            }
            shown.put(info.id(), index + 1);
            Files.createDirectories(out);
            ReportFolder.writeAtomically(file, JSON.writeValueAsString(shown) + "\n");
        }
        stdout.flush();
        return 0;
    }

    private static String line(ExerciseInfo info, List<String> hints, int index) {
        return "hint " + (index + 1) + " of " + hints.size() + " for " + info.id() + ": " + hints.get(index);
    }

    private static Map<String, Integer> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, Integer>>() { }));
        } catch (IOException e) {
            return new TreeMap<>(); // a damaged counter only restarts the hints
        }
    }
}
