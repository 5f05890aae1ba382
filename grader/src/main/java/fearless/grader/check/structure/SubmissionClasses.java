package fearless.grader.check.structure;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import fearless.grader.check.GraderError;
import fearless.grader.check.RunSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/**
 * The submission's compiled classes as ArchUnit sees them, for one exercise: every class whose
 * innermost package segment named after an exercise is this one's ({@code fearless.exercises.mutex},
 * {@code com.example.mutex.impl}, for the segment {@code mutex}), sub-packages included, so
 * a rule about one exercise sees all of its code and never trips on another's. Where the classes
 * are, and the exercises' segments, are fixed when the child starts ({@link RunSettings}).
 */
public final class SubmissionClasses {

    private static final String DIR = RunSettings.submissionClasses();

    private static final List<String> PACKAGES = RunSettings.exercisePackages();

    private static final Map<String, JavaClasses> CACHE = new HashMap<>();

    private SubmissionClasses() {
    }

    /**
     * The submission's classes of the exercise whose package segment is {@code segment}. Fails the
     * calling check if there are none; throws {@link GraderError} if the engine did not say where they are.
     */
    public static synchronized JavaClasses inPackage(String segment) {
        JavaClasses cached = CACHE.get(segment);
        if (cached != null) {
            return cached;
        }
        if (DIR == null || !Files.isDirectory(Path.of(DIR))) {
            throw new GraderError("system property " + RunSettings.CLASSES_PROPERTY + " does not name a directory of compiled classes: "
                    + DIR);
        }
        // Rules here judge the submission's own classes and name their dependencies; resolving those
        // (the JDK's classes) from the class path would only cost time.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        Path root = Path.of(DIR);
        JavaClasses imported = new ClassFileImporter()
                .withImportOption((Location location) -> belongsTo(location, segment))
                .importPath(root);
        if (imported.isEmpty()) {
            throw new AssertionFailedError("no compiled classes found in a package ending with ." + segment
                    + ": the submission's " + segment + " classes are missing");
        }
        CACHE.put(segment, imported);
        return imported;
    }

    /** Whether the class file's innermost exercise segment is {@code segment}. */
    private static boolean belongsTo(Location location, String segment) {
        String path = location.asURI().getPath();
        String root = Path.of(DIR).toUri().getPath();
        if (path == null || !path.endsWith(".class") || !path.startsWith(root)) {
            return false;
        }
        path = path.substring(root.length());
        String[] parts = path.split("/");
        for (int i = parts.length - 2; i >= 0; i--) {
            if (parts[i].equals(segment)) {
                return true;
            }
            if (PACKAGES.contains(parts[i])) {
                return false;
            }
        }
        return false;
    }
}
