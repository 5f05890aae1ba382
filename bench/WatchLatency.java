import fearless.grader.course.Course;
import fearless.grader.engine.Grader;
import fearless.grader.watch.SourceWatch;
import fearless.grader.watch.Watcher;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How long a student waits in {@code fearless watch}: the time from a save to the first line of
 * its result (the compiler's verdict) and to the end of its report, per exercise, in a warm
 * watching JVM with the real grader and the real WatchService. Each exercise is watched alone, so
 * that a passing one is graded again instead of being left for the next.
 *   java -cp ... WatchLatency SUBMISSION_FOLDER ROUNDS EXERCISE...
 */
public final class WatchLatency {

    /** Every line printed, with the time it was printed. */
    private static final LinkedBlockingQueue<long[]> STAMPS = new LinkedBlockingQueue<>();
    private static final List<String> LINES = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path submission = Path.of(args[0]).toAbsolutePath();
        int rounds = Integer.parseInt(args[1]);
        Course course = Course.load();
        Grader grader = new Grader(course, Path.of(System.getProperty("java.home"), "bin", "java"));
        for (String id : List.of(args).subList(2, args.length)) {
            Course.ExerciseInfo exercise = course.exercise(id).orElseThrow();
            Course alone = new Course(course.title(),
                    List.of(new Course.Topic("t", "t", "lesson.md", List.of(exercise))));
            Path file;
            try (Stream<Path> files = Files.walk(submission.resolve("src/main/java"))) {
                file = files.filter(f -> f.getParent().getFileName().toString().equals(exercise.packageName())
                        && f.toString().endsWith(".java")).sorted().findFirst().orElseThrow();
            }
            PrintWriter out = new PrintWriter(new Writer() {
                private final StringBuilder line = new StringBuilder();

                @Override
                public synchronized void write(char[] text, int offset, int length) {
                    for (int i = offset; i < offset + length; i++) {
                        if (text[i] == '\n') {
                            synchronized (LINES) {
                                LINES.add(line.toString());
                                STAMPS.add(new long[] {System.nanoTime(), LINES.size() - 1});
                            }
                            line.setLength(0);
                        } else {
                            line.append(text[i]);
                        }
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            }, true);
            try (SourceWatch saves = new SourceWatch(List.of(submission.resolve("src/main/java")))) {
                Thread watching = new Thread(() -> {
                    try {
                        new Watcher(alone, (exercises, onPrepared) -> grader.grade(new Grader.Request(
                                submission.toString(), submission, exercises, 42, true, "auto"), onPrepared),
                                saves, out).run(Optional.of(id));
                    } catch (InterruptedException stopped) {
                        // done
                    }
                });
                watching.start();
                List<Long> first = new ArrayList<>();
                List<Long> report = new ArrayList<>();
                waitFor("[watch] save a file", "the course is done");
                for (int round = 0; round < rounds; round++) {
                    Thread.sleep(500);
                    long saved = System.nanoTime();
                    Files.writeString(file, Files.readString(file) + "\n");
                    first.add(waitFor("[watch] " + id + " compiles", "[watch] " + id + " does not compile") - saved);
                    report.add(waitFor("Total ") - saved);
                    waitFor("[watch] save a file", "the course is done");
                }
                saves.close();
                watching.join();
                System.out.printf("| %s | %s | %d ms | %d ms |%n", submission.getFileName(), id, median(first),
                        median(report));
            }
        }
    }

    /** The time the next line starting with or containing one of {@code texts} was printed. */
    private static long waitFor(String... texts) throws InterruptedException {
        while (true) {
            long[] stamp = STAMPS.poll(120, TimeUnit.SECONDS);
            if (stamp == null) {
                throw new IllegalStateException("nothing printed for 120 s; last lines: " + LINES);
            }
            String line;
            synchronized (LINES) {
                line = LINES.get((int) stamp[1]);
            }
            for (String text : texts) {
                if (line.contains(text)) {
                    return stamp[0];
                }
            }
        }
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2) / 1_000_000;
    }
}
