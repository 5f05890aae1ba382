package fearless.grader.checks.threadmove;

/** A failure the checks throw on purpose, from a body or a drop action; recognised by identity. */
final class Planted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Planted(String message) {
        super(message, null, false, false);
    }
}
