package fearless.grader.notes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a fence's info string means to a reader of the site: the language to highlight, and the
 * outcome a Rust snippet claims ({@code rust,compile_fail,E0382} reads "rustc refuses it: E0382"),
 * shown above the code because on the page the info string is otherwise lost.
 */
final class CodeFence {

    private CodeFence() {
    }

    /** The info string's first word, lower case: {@code rust}, {@code java}, {@code text}, or empty. */
    static String language(String info) {
        List<String> words = words(info);
        return words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
    }

    static void attributes(String info, String tag, Map<String, String> attributes) {
        String language = language(info);
        if (tag.equals("code") && !language.isEmpty()) {
            attributes.put("class", "language-" + (language.equals("text") ? "plaintext" : language));
        }
        if (tag.equals("pre")) {
            String claim = claim(language, words(info));
            if (!claim.isEmpty()) {
                attributes.put("data-claim", claim);
            }
        }
    }

    private static String claim(String language, List<String> words) {
        List<String> rest = words.subList(Math.min(1, words.size()), words.size());
        if (language.equals("text") && rest.contains("output")) {
            return "output";
        }
        if (!language.equals("rust")) {
            return "";
        }
        if (rest.contains("compile_fail")) {
            String codes = rest.stream().filter(w -> w.matches("E\\d{4}")).collect(Collectors.joining(", "));
            return codes.isEmpty() ? "rustc refuses it" : "rustc refuses it: " + codes;
        }
        if (rest.contains("should_panic")) {
            return "compiles, then panics";
        }
        if (rest.contains("no_run")) {
            return "compiles (not run)";
        }
        return "compiles and runs";
    }

    private static List<String> words(String info) {
        return info == null || info.isBlank() ? List.of()
                : Arrays.stream(info.trim().split("[,\\s]+")).filter(w -> !w.isEmpty()).toList();
    }
}
