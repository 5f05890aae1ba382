package fearless.grader.engine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How to start a child JVM: which Java, which class path, which bounds.
 *
 * @param javaExecutable the {@code java} executable; race checks depend on the JDK, so it is chosen explicitly
 * @param graderClassPath the checks, their libraries and the api
 * @param submissionClasses the compiled submission
 */
record ChildSpec(Path javaExecutable, String graderClassPath, Path submissionClasses, long seed) {

    /**
     * The child's working folder: the grading run's own temporary folder, so that a relative path
     * in student code lands nowhere that matters (not in the kit, not in the report folder).
     */
    Path workDir() {
        return submissionClasses.toAbsolutePath().getParent();
    }

    List<String> command() {
        List<String> command = new ArrayList<>(List.of(
                javaExecutable.toString(),
                Limits.CHILD_HEAP,
                "-Xss1m",
                "-XX:MaxMetaspaceSize=256m",
                "-XX:MaxDirectMemorySize=64m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError",
                "-Xshare:auto",
                "-Djava.awt.headless=true"));
        command.addAll(instrumentationAgent(graderClassPath));
        command.addAll(denyFlags(featureVersion(javaExecutable)));
        command.addAll(List.of(
                "-Dfearless.seed=" + seed,
                "-Dfearless.submission.classes=" + submissionClasses,
                "-cp", absolute(graderClassPath) + File.pathSeparator + submissionClasses.toAbsolutePath(),
                ChildMain.class.getName()));
        return command;
    }

    /**
     * The race checks need an instrumentation agent. Loading it when the JVM starts saves the
     * second or so a run-time attach costs in every child, and lets the attach mechanism be off:
     * nothing in the child can attach an agent to it later.
     */
    private static List<String> instrumentationAgent(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> Path.of(entry).getFileName().toString().startsWith("byte-buddy-agent"))
                .findFirst()
                .map(agent -> List.of("-javaagent:" + Path.of(agent).toAbsolutePath(), "-XX:+DisableAttachMechanism"))
                .orElse(List.of());
    }

    /**
     * Newer JDKs can refuse, rather than warn about, native access (JDK 24+), which no submission
     * needs. {@code --sun-misc-unsafe-memory-access=deny} would be the same for {@code Unsafe}, but
     * Lincheck's model checker itself needs {@code Unsafe} (measured on 25: "UnsupportedOperationException:
     * putInt"), so there the bytecode scan is the only guard.
     */
    private static List<String> denyFlags(int feature) {
        return feature >= 24 ? List.of("--illegal-native-access=deny") : List.of();
    }

    /** The JDK's feature version (17, 25...) from its {@code release} file; 0 if unknown. */
    static int featureVersion(Path javaExecutable) {
        Path release = javaExecutable.toAbsolutePath().getParent().getParent().resolve("release");
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException unknown) {
            // No release file: a JDK too unusual to guess about; add no flags.
        }
        return 0;
    }

    /** The child starts in another folder: every class path entry must stand on its own. */
    private static String absolute(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
