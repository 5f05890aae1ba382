package fearless.grader.check;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;

/**
 * The grading run's configuration as the checks read it: the seed, where the compiled submission
 * is, the exercises' package segments. The engine hands it over as system properties and fixes it
 * here ({@link #fix()}) before any submission class loads, so code that later changes a system
 * property changes nothing the checks see.
 */
public final class RunSettings {

    /** The system property holding the directory of the compiled submission. */
    public static final String CLASSES_PROPERTY = "fearless.submission.classes";

    /** The system property listing every exercise's package segment, comma-separated. */
    public static final String PACKAGES_PROPERTY = "fearless.exercise.packages";

    private static final long SEED = readSeed();
    private static final String CLASSES = System.getProperty(CLASSES_PROPERTY);
    private static final Path CLASSES_PATH = CLASSES == null ? null : Path.of(CLASSES).toAbsolutePath();
    private static final List<String> PACKAGES = List.of(System.getProperty(PACKAGES_PROPERTY, "").split(","));

    private RunSettings() {
    }

    /** Reads the configuration now; the engine calls it before any check runs. */
    public static void fix() {
        // Loading this class read everything into final fields.
    }

    private static long readSeed() {
        String value = System.getProperty(Seeds.PROPERTY);
        return value == null ? Seeds.DEFAULT : Long.parseLong(value);
    }

    static long seed() {
        return SEED;
    }

    /** The directory of the compiled submission, or null if the engine did not say. */
    public static String submissionClasses() {
        return CLASSES;
    }

    /** Every exercise's package segment. */
    public static List<String> exercisePackages() {
        return PACKAGES;
    }

    /** Whether the class of that name, as the grader's class loader finds it, is one of the submission's. */
    public static boolean isSubmissionClass(String className) {
        try {
            return isSubmissionClass(Class.forName(className, false, RunSettings.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError | RuntimeException unknown) {
            return false;
        }
    }

    /** Whether {@code type} is one of the submission's classes (it was loaded from the submission's folder). */
    public static boolean isSubmissionClass(Class<?> type) {
        if (CLASSES_PATH == null) {
            return false;
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return false;
        }
        try {
            return Path.of(source.getLocation().toURI()).equals(CLASSES_PATH);
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
    }
}
