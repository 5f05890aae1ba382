package fearless.grader.engine;

import fearless.child.ChildMain;
import fearless.grader.check.RunSettings;
import fearless.grader.check.Seeds;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How to start a child JVM: which Java, which class path, which bounds, and the configuration the
 * checks read (fixed on the command line, before any student class loads).
 *
 * @param javaExecutable the {@code java} executable; race checks depend on it, so it is chosen explicitly
 * @param classPath the checks, their libraries and the api, each entry absolute
 * @param exercisePackages the package segments of every exercise, so a structure check can tell
 *                         whose class is whose
 */
record ChildSpec(Path javaExecutable, List<Path> classPath, long seed, List<String> exercisePackages) {

    ChildSpec {
        classPath = List.copyOf(classPath);
        exercisePackages = List.copyOf(exercisePackages);
    }

    /** The named module the grader's side of a child runs in. */
    static final String CHILD_MODULE = "fearless.child";

    /**
     * The modules the grader's side of a child needs, which run as named modules (on the module
     * path) so that the submission, in the class path's unnamed module, cannot open them: the
     * child itself, the JUnit Platform and Jupiter, and Jackson. Everything else stays on the class path.
     */
    private static final Set<String> CHILD_MODULES = Set.of(CHILD_MODULE, "org.junit.platform.launcher",
            "org.junit.platform.engine", "org.junit.platform.commons", "org.junit.jupiter.engine",
            "org.junit.jupiter.api", "org.junit.jupiter.params", "org.junit.jupiter", "org.opentest4j",
            "org.apiguardian.api", "com.fasterxml.jackson.databind", "com.fasterxml.jackson.core",
            "com.fasterxml.jackson.annotation");

    private static final Map<Path, Boolean> MODULES = new ConcurrentHashMap<>();

    /** Whether a class path entry holds one of {@link #CHILD_MODULES} (declared, not derived from a file name). */
    static boolean isChildModule(Path entry) {
        return MODULES.computeIfAbsent(entry, e -> {
            try {
                return ModuleFinder.of(e).findAll().stream()
                        .map(ModuleReference::descriptor)
                        .anyMatch(d -> !d.isAutomatic() && CHILD_MODULES.contains(d.name()));
            } catch (RuntimeException notAModule) {
                return false;
            }
        });
    }

    /**
     * @param submissionClasses this child's own copy of the compiled submission
     * @param tmp the child's temporary folder, as the child sees it
     */
    List<String> command(Path submissionClasses, Path tmp) {
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
                "-XX:-UsePerfData",
                "-Djava.io.tmpdir=" + tmp,
                "-Djava.awt.headless=true"));
        command.addAll(instrumentationAgent(classPath));
        command.addAll(denyFlags(featureVersion(javaExecutable)));
        command.addAll(List.of(
                "-D" + ChildMain.VERDICTS + "=" + Verdicts.class.getName(),
                "-D" + ChildMain.MAX_THREADS + "=" + Limits.MAX_THREADS,
                "-D" + ChildMain.CHECK_TIMEOUT + "=" + Limits.CHECK_TIMEOUT_SECONDS,
                "-D" + Seeds.PROPERTY + "=" + seed,
                "-D" + RunSettings.CLASSES_PROPERTY + "=" + submissionClasses,
                "-D" + RunSettings.PACKAGES_PROPERTY + "=" + String.join(",", exercisePackages),
                "--module-path", ClassPath.join(classPath.stream().filter(ChildSpec::isChildModule).toList()),
                "--add-modules", "ALL-DEFAULT,ALL-MODULE-PATH",
                "-cp", ClassPath.join(classPath.stream().filter(e -> !isChildModule(e)).toList())
                        + File.pathSeparator + submissionClasses.toAbsolutePath(),
                "-m", CHILD_MODULE + "/" + ChildMain.class.getName()));
        return command;
    }

    /**
     * The race checks need an instrumentation agent. Loading it when the JVM starts saves the
     * second or so a run-time attach costs in every child, and lets the attach mechanism be off:
     * nothing in the child can attach an agent to it later.
     */
    private static List<String> instrumentationAgent(List<Path> classPath) {
        return classPath.stream()
                .filter(entry -> entry.getFileName().toString().startsWith("byte-buddy-agent"))
                .findFirst()
                .map(agent -> List.of("-javaagent:" + agent, "-XX:+DisableAttachMechanism"))
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
}
