package fearless.grader.check;

/**
 * A check could not reach a verdict for a reason that is not the submission's fault (the race
 * checker is inactive on this JVM, a check is misconfigured). Reported as {@code error}, never as
 * a pass: an instructor must see it, and a student must not lose points silently for it.
 *
 * <p>Only the grader may say that. One created by any code but the grader's own (the submission
 * itself, or a JDK thread it handed a method handle to this constructor), or while submission
 * code is on the stack, is the submission's failure, not the grader's: {@link #raisedByGrader()}
 * is false and the check fails.
 */
public final class GraderError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** Whether the grader's own code created this, with no submission code on the stack. */
    private final boolean createdByGrader = isGrader(WALKER.getCallerClass())
            && WALKER.walk(frames -> frames.noneMatch(frame -> RunSettings.isSubmissionClass(frame.getDeclaringClass())));

    public GraderError(String message) {
        super(message);
    }

    public GraderError(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the grader's own code raised it: a grader class created it, no submission code was on
     * the stack that did, nor on the stack of anything that caused it (a check that fails "by
     * itself" because the submission overflowed its stack is the submission's failure).
     */
    public boolean raisedByGrader() {
        for (Throwable cause = getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            for (StackTraceElement frame : cause.getStackTrace()) {
                if (RunSettings.isSubmissionClass(frame.getClassName())) {
                    return false;
                }
            }
        }
        return createdByGrader;
    }

    private static boolean isGrader(Class<?> type) {
        return type.getName().startsWith("fearless.grader.")
                && type.getClassLoader() == GraderError.class.getClassLoader()
                && !RunSettings.isSubmissionClass(type);
    }
}
