package fearless.grader.cli;

import fearless.grader.engine.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What {@code grade} and {@code watch} both take: how the checks run and where the reports go. */
final class GradingOptions {

    @Option(names = "--seed", defaultValue = "42", description = "Seed for every randomized check (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sandbox", defaultValue = "auto", paramLabel = "MODE",
            description = "The operating-system sandbox for the checks: auto (bubblewrap where it runs, else none),"
                    + " bwrap, none (default: ${DEFAULT-VALUE}).")
    String sandbox;

    @Option(names = "--java", paramLabel = "JAVA",
            description = "The java executable (or JDK folder) that runs the checks. Default: the one running the grader.")
    Path java;

    @Option(names = "--out", defaultValue = "fearless-report", paramLabel = "DIR",
            description = "Folder for the reports; every grading writes report.txt (the whole text), report.json and"
                    + " the progress list reads there (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = {"-v", "--verbose"},
            description = "Show every failing check's whole feedback (default: the first failure of each exercise"
                    + " in full, the first lines of the others).")
    boolean verbose;

    /** The {@code java} that runs the checks: {@code --java}, or the one running the grader. */
    Path javaExecutable() {
        return javaExecutable(java);
    }

    /** The {@code java} that {@code chosen} names (an executable or a JDK folder), or the running one for null. */
    static Path javaExecutable(Path java) {
        Path chosen = java != null ? java : Path.of(System.getProperty("java.home"));
        Path executable = Files.isDirectory(chosen) ? chosen.resolve("bin/java") : chosen;
        if (!Files.isExecutable(executable)) {
            throw new UsageException("no java executable at " + executable);
        }
        return executable;
    }
}
