package fearless.grader.scaffold;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every name a new exercise's files use, derived once from its id, so the api, the stub, the
 * solution, the checks, the mutant, the lesson and the manifest entry agree with each other.
 *
 * @param id the exercise id, e.g. {@code rw-lock}
 * @param topic the topic id, e.g. {@code mutex}
 * @param title the exercise's title in the manifest and the lesson
 * @param packageName the last segment of its packages, e.g. {@code rwlock}
 * @param apiPackage the last segment of the api package of its interfaces, e.g. {@code mutex}
 * @param lesson the lesson file, relative to the project's root
 */
public record ExerciseNames(String id, String topic, String title, String packageName, String apiPackage,
        String lesson) {

    /** The example check and mutant the scaffold writes; the author replaces them. */
    public static final String EXAMPLE_CHECK = "example_check";
    public static final String EXAMPLE_MUTANT = "example-bug";

    /** The api interface, from the id: {@code rw-lock} gives {@code RwLock}. */
    public String type() {
        return camel(id);
    }

    /** The implementation class, in the stub and in the solution. */
    public String implementation() {
        return "Basic" + type();
    }

    /**
     * The provider class, in the stub and in the solution: the implementation's plural
     * ({@code BasicRwLocks}), or, for a name that is a plural already, {@code BasicPhilosophersProvider}.
     */
    public String providerImplementation() {
        return implementation().endsWith("s") ? implementation() + "Provider" : implementation() + "s";
    }

    /** The provider interface's fully qualified name, as the manifest and the registrations name it. */
    public String provider() {
        return "fearless.api." + apiPackage + "." + type() + "Provider";
    }

    /** {@code rw-lock} gives {@code RwLock}. */
    static String camel(String hyphenated) {
        StringBuilder out = new StringBuilder();
        for (String part : hyphenated.split("-")) {
            out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return out.toString();
    }

    /** The values of the templates' {@code {{placeholders}}}. */
    Map<String, String> placeholders() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("topic", topic);
        values.put("title", title);
        values.put("titleJavadoc", javadoc(title));
        values.put("titleYaml", yaml(title));
        values.put("package", packageName);
        values.put("apiPackage", apiPackage);
        values.put("Type", type());
        values.put("Impl", implementation());
        values.put("Impls", providerImplementation());
        values.put("lesson", lesson);
        values.put("check", EXAMPLE_CHECK);
        values.put("mutant", EXAMPLE_MUTANT);
        return values;
    }

    /** Text safe inside a Javadoc comment. */
    static String javadoc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;");
    }

    /** Text safe inside a double-quoted YAML scalar. */
    static String yaml(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
