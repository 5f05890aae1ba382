package fearless.grader.check;

/**
 * Turns the submission's objects and exceptions into text without trusting them: their
 * {@code toString} and {@code getMessage} are student code, and may throw or return megabytes.
 * Every piece of feedback that quotes a submission's value or exception goes through here.
 */
public final class Safely {

    /** Longest text quoted from one value. */
    public static final int MAX_CHARS = 2_000;

    /** How long an exception's {@code getMessage()} may take; any honest one takes microseconds. */
    public static final long MESSAGE_MILLIS = 1_000;

    private Safely() {
    }

    /**
     * The exception's message (whole: the report caps feedback), or a note saying it could not be
     * read. A class that replaces {@code getMessage()} has it read on a thread of its own: one that
     * never returns makes the check {@link Hung} within {@value #MESSAGE_MILLIS} ms, instead of
     * spinning on the check's own thread until the engine's backstop ends the JVM. Every other
     * exception's message is a field, read at once: property checks read thousands of them.
     */
    public static String message(Throwable t) {
        if (!overridesGetMessage(t)) {
            String m = t.getMessage(); // Throwable's own: a field, nothing of the submission's runs
            return m == null ? "(no message)" : m;
        }
        String[] read = new String[1];
        Thread reader = new Thread(() -> {
            try {
                String m = t.getMessage();
                read[0] = m == null ? "(no message)" : m;
            } catch (Throwable broken) {
                read[0] = "(its getMessage() threw " + broken.getClass().getName() + ")";
            }
        }, "message-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            reader.join(MESSAGE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive()) {
            throw new Hung("the submission threw a " + t.getClass().getName() + " whose getMessage() did not return "
                    + "within " + MESSAGE_MILLIS + " ms: an endless loop in an exception's message hides every "
                    + "failure behind it");
        }
        return read[0];
    }

    /** Whether {@code t}'s class replaces {@link Throwable#getMessage()}: only then may it not return. */
    private static boolean overridesGetMessage(Throwable t) {
        try {
            return t.getClass().getMethod("getMessage").getDeclaringClass() != Throwable.class;
        } catch (NoSuchMethodException | RuntimeException unknown) {
            return true;
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
