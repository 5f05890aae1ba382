package fearless.grader.check;

import java.util.Set;
import java.util.function.Supplier;

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
        return bounded(() -> {
            try {
                String m = t.getMessage();
                return m == null ? "(no message)" : m;
            } catch (Throwable broken) {
                return "(its getMessage() threw " + broken.getClass().getName() + ")";
            }
        }, "the submission threw a " + t.getClass().getName() + " whose getMessage() did not return within "
                + MESSAGE_MILLIS + " ms: an endless loop in an exception's message hides every failure behind it");
    }

    /** Runs {@code read} on a thread of its own; one that does not return in time makes the check {@link Hung}. */
    private static String bounded(Supplier<String> read, String hung) {
        String[] result = new String[1];
        Thread reader = new Thread(() -> result[0] = read.get(), "fearless-text-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            reader.join(MESSAGE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive()) {
            throw new Hung(hung);
        }
        return result[0];
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

    /**
     * The object as text, or a note saying its {@code toString} failed. Strings, boxed primitives
     * and {@code null} are read at once; anything else may run the submission's code (a record's
     * or a list's {@code toString} calls its elements'), so it is read on a thread of its own, and
     * one that never returns makes the check {@link Hung} within {@value #MESSAGE_MILLIS} ms.
     */
    public static String show(Object value) {
        if (value == null || PLAIN.contains(value.getClass())) {
            return cap(String.valueOf(value));
        }
        return bounded(() -> {
            try {
                return cap(String.valueOf(value));
            } catch (Throwable broken) {
                return "(a " + value.getClass().getName() + " whose toString() threw " + broken.getClass().getName()
                        + ")";
            }
        }, "the submission gave back a " + value.getClass().getName() + " whose toString() did not return within "
                + MESSAGE_MILLIS + " ms, so the check cannot say what it got: an endless loop in toString()?");
    }

    /** Final JDK classes whose {@code toString} runs nothing of the submission's. */
    private static final Set<Class<?>> PLAIN = Set.of(String.class, Integer.class, Long.class, Short.class,
            Byte.class, Double.class, Float.class, Boolean.class, Character.class);

    private static String cap(String text) {
        return text.length() <= MAX_CHARS ? text
                : text.substring(0, MAX_CHARS) + "... (" + (text.length() - MAX_CHARS) + " more characters)";
    }
}
