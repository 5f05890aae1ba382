package fearless.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.opentest4j.AssertionFailedError;

/**
 * The graded submission, as checks see it: its implementations, found through the api's provider
 * interfaces with {@link ServiceLoader}. Checks create every object under test through the
 * provider, inside the check, so each check gets fresh objects.
 */
public final class Submission {

    private Submission() {
    }

    /**
     * The submission's single implementation of {@code provider}. No implementation, two of them,
     * or one that cannot be loaded is a clear failure of the calling check.
     */
    public static <P> P provider(Class<P> provider) {
        List<P> found = new ArrayList<>();
        try {
            for (P p : ServiceLoader.load(provider, Thread.currentThread().getContextClassLoader())) {
                found.add(p);
            }
        } catch (ServiceConfigurationError e) {
            throw new AssertionFailedError("the submission's " + provider.getSimpleName()
                    + " could not be loaded: " + e.getMessage());
        }
        if (found.isEmpty()) {
            throw new AssertionFailedError("the submission has no " + provider.getSimpleName()
                    + ": register one in META-INF/services/" + provider.getName());
        }
        if (found.size() > 1) {
            throw new AssertionFailedError("the submission has " + found.size() + " implementations of "
                    + provider.getSimpleName() + " (" + names(found) + "); keep exactly one");
        }
        return found.get(0);
    }

    private static String names(List<?> objects) {
        List<String> names = new ArrayList<>();
        for (Object o : objects) {
            names.add(o.getClass().getName());
        }
        return String.join(", ", names);
    }
}
