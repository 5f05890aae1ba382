package fearless.grader.report;

/**
 * Text from a submission made safe for a terminal: control characters (escape sequences that move
 * the cursor, rewrite rows or retitle the window; carriage returns that overwrite a line) and
 * invisible formatting characters are shown escaped, as {@code \x1b} or {@code \u202e}, and so is
 * half of a surrogate pair without its other half, which no file encoding can hold. Only the line
 * break stays what it is.
 */
public final class Printable {

    private Printable() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = c != '\n' && (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || lone(text, i));
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (!unsafe) {
                    out.append(c);
                } else if (c < 0x100) {
                    out.append(String.format("\\x%02x", (int) c));
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether the char at {@code i} is a surrogate that is not part of a valid pair. */
    private static boolean lone(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
