package fearless.grader.check;

/**
 * A check could not reach a verdict for a reason that is not the submission's fault (the race
 * checker is inactive on this JVM, a check is misconfigured). Reported as {@code error}, never as
 * a pass: an instructor must see it, and a student must not lose points silently for it.
 */
public final class GraderError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GraderError(String message) {
        super(message);
    }

    public GraderError(String message, Throwable cause) {
        super(message, cause);
    }
}
