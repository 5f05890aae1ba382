package fearless.grader.engine;

import fearless.grader.check.GraderError;
import fearless.grader.check.Hung;
import fearless.grader.check.Safely;
import fearless.grader.check.race.ThreadDump;
import fearless.grader.report.Status;
import java.util.concurrent.TimeoutException;

/**
 * Turns what a check threw into the verdict and the text a student reads. Student exceptions are
 * hostile input: their {@code getMessage} and {@code toString} may throw, loop or be huge, so
 * every call into them is guarded and every text is capped.
 */
final class Feedback {

    /** Longest feedback kept for one check. */
    static final int MAX_CHARS = 8_000;

    /** Stack frames of the submission shown under an unexpected exception. */
    private static final int MAX_FRAMES = 6;

    private Feedback() {
    }

    static Status status(Throwable t) {
        if (t instanceof GraderError error && error.raisedByGrader()) {
            return Status.ERROR;
        }
        if (t instanceof TimeoutException || t instanceof Hung) {
            return Status.TIMEOUT;
        }
        return Status.FAILED;
    }

    static String describe(Throwable t) {
        if (t instanceof AssertionError || t instanceof GraderError) {
            return cap(message(t));
        }
        if (t instanceof TimeoutException) {
            return cap("did not finish in time (" + message(t) + "): a deadlock, a lost wake-up or an endless loop?\n"
                    + "threads running the submission's code:\n" + ThreadDump.ofSubmissionThreads());
        }
        StringBuilder text = new StringBuilder("the submission threw ")
                .append(t.getClass().getName()).append(": ").append(message(t));
        int shown = 0;
        for (StackTraceElement frame : t.getStackTrace()) {
            if (shown == MAX_FRAMES) {
                break;
            }
            if (isSubmissionFrame(frame.getClassName())) {
                text.append("\n    at ").append(frame);
                shown++;
            }
        }
        return cap(text.toString());
    }

    private static boolean isSubmissionFrame(String className) {
        return !(className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("org.junit.") || className.startsWith("fearless.grader.")
                || className.startsWith("org.jetbrains.") || className.startsWith("kotlin"));
    }

    private static String message(Throwable t) {
        return Safely.message(t);
    }

    static String cap(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        return text.substring(0, MAX_CHARS) + "\n... (" + (text.length() - MAX_CHARS) + " more characters cut)";
    }
}
