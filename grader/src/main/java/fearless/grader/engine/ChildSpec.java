package fearless.grader.engine;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a child JVM: which Java, which class path, which bounds.
 *
 * @param java the {@code java} executable; race checks depend on the JDK, so it is chosen explicitly
 * @param graderClassPath the checks, their libraries and the api
 * @param submissionClasses the compiled submission
 */
record ChildSpec(Path java, String graderClassPath, Path submissionClasses, long seed) {

    /**
     * The child's working folder: the grading run's own temporary folder, so that a relative path
     * in student code lands nowhere that matters (not in the kit, not in the report folder).
     */
    Path workDir() {
        return submissionClasses.toAbsolutePath().getParent();
    }

    List<String> command() {
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                Limits.CHILD_HEAP,
                "-Xss1m",
                "-XX:MaxMetaspaceSize=256m",
                "-XX:MaxDirectMemorySize=64m",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-Xshare:auto",
                "-Djava.awt.headless=true",
                "-Dfearless.seed=" + seed,
                "-Dfearless.submission.classes=" + submissionClasses,
                "-cp", graderClassPath + File.pathSeparator + submissionClasses,
                ChildMain.class.getName()));
        return command;
    }
}
