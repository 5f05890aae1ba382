package fearless.grader.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scaffold template on the grader's class path ({@code fearless/scaffold/NAME}), filled in by
 * replacing each {@code {{name}}}. Plain text files, so an author reads exactly what will be
 * written; a placeholder without a value is a bug of the kit, never a file written half-filled.
 */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z]+)}}");

    private Template() {
    }

    /** The template {@code name}, filled in with {@code values}. */
    static String render(String name, Map<String, String> values) {
        String text = read(name);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("scaffold template " + name + " uses {{" + m.group(1)
                        + "}}, which has no value");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(String name) {
        String resource = "/fearless/scaffold/" + name;
        try (InputStream in = Template.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("scaffold template missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
