package fearless.grader.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Test copies of the course manifest: the real {@code course.yaml} with a change, so a test can hide
 * or reweigh a check without changing the course every other test grades against.
 */
public final class Manifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /** The real manifest, changed by {@code change} before it is read. */
    public static Course realWith(Consumer<ObjectNode> change) {
        try (InputStream in = Course.class.getResourceAsStream(Course.RESOURCE)) {
            ObjectNode root = (ObjectNode) YAML.readTree(in);
            change.accept(root);
            return Course.read(new ByteArrayInputStream(YAML.writeValueAsBytes(root)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real manifest with {@code override} (YAML, e.g. {@code "{points: 3, hidden: true}"}) for {@code check}. */
    public static Course overriding(String check, String override) {
        return realWith(root -> override(root, check, override));
    }

    /** Adds {@code override} for {@code check} under the exercise the check's id names. */
    public static void override(ObjectNode root, String check, String override) {
        override(root, check.substring(0, check.indexOf('/')), check, override);
    }

    /** Adds {@code override} for {@code check} under {@code exercise}, whether or not the check is its. */
    public static void override(ObjectNode root, String exercise, String check, String override) {
        try {
            JsonNode value = YAML.readTree(override);
            for (JsonNode topic : root.get("topics")) {
                for (JsonNode node : topic.get("exercises")) {
                    if (node.get("id").asText().equals(exercise)) {
                        ObjectNode checks = node.has("checks") ? (ObjectNode) node.get("checks")
                                : ((ObjectNode) node).putObject("checks");
                        checks.set(check, value);
                        return;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no exercise " + exercise + " in the manifest");
    }
}
