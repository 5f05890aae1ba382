package fearless.grader.check;

/**
 * Turns the submission's objects and exceptions into text without trusting them: their
 * {@code toString} and {@code getMessage} are student code, and may throw or return megabytes.
 * Every piece of feedback that quotes a submission's value or exception goes through here.
 */
public final class Safely {

    /** Longest text quoted from one value. */
    public static final int MAX_CHARS = 2_000;

    private Safely() {
    }

    /** The exception's message (whole: the report caps feedback), or a note saying it could not be read. */
    public static String message(Throwable t) {
        try {
            String m = t.getMessage();
            return m == null ? "(no message)" : m;
        } catch (Throwable broken) {
            return "(its getMessage() threw " + broken.getClass().getName() + ")";
        }
    }

    /** {@code ClassName: message}, as {@code Throwable.toString} would say it, but guarded. */
    public static String describe(Throwable t) {
        return t.getClass().getName() + ": " + message(t);
    }

    /** The object as text, or a note saying its {@code toString} failed. */
    public static String show(Object value) {
        try {
            return cap(String.valueOf(value));
        } catch (Throwable broken) {
            return "(a " + value.getClass().getName() + " whose toString() threw " + broken.getClass().getName() + ")";
        }
    }

    private static String cap(String text) {
        return text.length() <= MAX_CHARS ? text
                : text.substring(0, MAX_CHARS) + "... (" + (text.length() - MAX_CHARS) + " more characters)";
    }
}
