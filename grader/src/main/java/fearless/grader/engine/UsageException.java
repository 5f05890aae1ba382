package fearless.grader.engine;

/** The user asked for something that cannot be graded: one clear line, a usage exit code. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
