package fearless.grader.check;

/**
 * A check could not reach a verdict for a reason that is not the submission's fault (the race
 * checker is inactive on this JVM, a check is misconfigured). Reported as {@code error}, never as
 * a pass: an instructor must see it, and a student must not lose points silently for it.
 *
 * <p>Only the grader may say that. One created while submission code is on the stack (thrown by the
 * submission itself, however it got hold of this class) is the submission's failure, not the
 * grader's: {@link #raisedByGrader()} is false and the check fails.
 */
public final class GraderError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final boolean submissionOnStack = WALKER.walk(frames ->
            frames.anyMatch(frame -> RunSettings.isSubmissionClass(frame.getDeclaringClass())));

    public GraderError(String message) {
        super(message);
    }

    public GraderError(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the grader's own code raised it: no submission code was on the stack that created
     * it, nor on the stack of anything that caused it (a check that fails "by itself" because the
     * submission overflowed its stack is the submission's failure).
     */
    public boolean raisedByGrader() {
        for (Throwable cause = getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            for (StackTraceElement frame : cause.getStackTrace()) {
                if (RunSettings.isSubmissionClass(frame.getClassName())) {
                    return false;
                }
            }
        }
        return !submissionOnStack;
    }
}
