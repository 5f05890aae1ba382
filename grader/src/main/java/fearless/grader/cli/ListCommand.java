package fearless.grader.cli;

import fearless.grader.course.Course;
import fearless.grader.course.Course.ExerciseInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fearless list}: the course in order, with each exercise's latest grade and what to do next. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Show the exercises in course order with the points of their latest grade and the next one to"
                + " do (read from the reports folder: nothing is graded again).")
final class ListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", defaultValue = "fearless-report", paramLabel = "DIR",
            description = "The folder grade writes its reports to (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            stdout.print(render(Course.load(), ProgressLog.at(out).read(), out.resolve(ProgressLog.FILE)));
            stdout.flush();
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("fearless: " + e.getMessage());
            return Main.USAGE;
        }
    }

    static String render(Course course, Map<String, ProgressLog.Entry> progress, Path source) {
        StringBuilder text = new StringBuilder("Fearless: your progress (latest grade of each exercise, from ")
                .append(source).append(")\n\n");
        int idWidth = course.exercises().stream().mapToInt(e -> e.id().length()).max().orElse(8);
        String row = "  %2s  %-" + idWidth + "s  %-40s %7s  %s%n";
        text.append(String.format(Locale.ROOT, row, "#", "exercise", "title", "points", "status"));
        int earned = 0;
        int max = 0;
        ExerciseInfo next = null;
        int number = 0;
        for (ExerciseInfo exercise : course.exercises()) {
            ProgressLog.Entry entry = progress.get(exercise.id());
            String points = entry == null ? "-/" + exercise.points() : entry.score() + "/" + entry.maxScore();
            String status = entry == null ? "not graded yet" : entry.status().replace('-', ' ')
                    + ("exercises".equals(entry.submission()) ? "" : " (graded " + entry.submission() + ")");
            if (next == null && (entry == null || !"passed".equals(entry.status()))) {
                next = exercise;
                status += "   <- next";
            }
            text.append(String.format(Locale.ROOT, row, ++number, exercise.id(), clip(exercise.title(), 40), points,
                    status));
            earned += entry == null ? 0 : entry.score();
            max += entry == null ? exercise.points() : entry.maxScore();
        }
        text.append('\n').append(String.format(Locale.ROOT, "Total %d/%d. ", earned, max));
        if (next == null) {
            text.append("Every exercise passes.\n");
        } else {
            text.append("Next: ").append(next.id()).append(": ./fearless grade --exercise ").append(next.id())
                    .append("  (lesson: ").append(course.topicOf(next).lesson()).append(")\n");
        }
        return text.toString();
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
