package fearless.grader.check.structure;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import fearless.grader.check.GraderError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * The submission's compiled classes as ArchUnit sees them, for one exercise: only the classes
 * whose package ends with the exercise's package segment ({@code fearless.exercises.mutex},
 * {@code fearless.solutions.mutex}, for the segment {@code mutex}), so a rule about one exercise
 * never trips on another's code. The classes are read from the directory the engine names in
 * the system property {@value #PROPERTY}, once per segment and JVM.
 */
public final class SubmissionClasses {

    /** The system property holding the directory of the compiled submission. */
    public static final String PROPERTY = "fearless.submission.classes";

    private static final Map<String, JavaClasses> CACHE = new HashMap<>();

    private SubmissionClasses() {
    }

    /**
     * The submission's classes in packages ending with {@code .segment}. Fails the calling check
     * if there are none; throws {@link GraderError} if the engine did not say where they are.
     */
    public static synchronized JavaClasses inPackage(String segment) {
        JavaClasses cached = CACHE.get(segment);
        if (cached != null) {
            return cached;
        }
        String dir = System.getProperty(PROPERTY);
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new GraderError("system property " + PROPERTY + " does not name a directory of compiled classes: "
                    + dir);
        }
        // Rules here judge the submission's own classes and name their dependencies; resolving those
        // (the JDK's classes) from the class path would only cost time.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        Pattern inSegment = Pattern.compile(".*/" + Pattern.quote(segment) + "/[^/]+\\.class$");
        JavaClasses imported = new ClassFileImporter()
                .withImportOption((Location location) -> location.matches(inSegment))
                .importPath(Path.of(dir))
                .that(JavaClass.Predicates.resideInAPackage(".." + segment));
        if (imported.isEmpty()) {
            throw new AssertionFailedError("no compiled classes found in a package ending with ." + segment
                    + ": the submission's " + segment + " classes are missing");
        }
        CACHE.put(segment, imported);
        return imported;
    }
}
