package fearless.grader.checks.dropscope;

import java.util.List;

/**
 * A resource for the scope checks: it logs its label when it is closed, may fail while closing,
 * and equals every resource with the same key. That last part is the trap: a scope must tell
 * owned values apart by identity, and two equal resources are still two values.
 */
final class Res implements AutoCloseable {

    /** How a resource's close fails, if it does. */
    enum Failure { NONE, UNCHECKED, CHECKED, ERROR }

    /** The unchecked failure of a resource's close; its message names the resource. */
    static final class DropFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DropFailure(String label) {
            super(label + " failed to close");
        }
    }

    /** The checked failure of a resource's close. */
    static final class CheckedDropFailure extends Exception {
        private static final long serialVersionUID = 1L;

        CheckedDropFailure(String label) {
            super(label + " failed to close (checked)");
        }
    }

    /** A resource's close failing with an {@link Error}, which no code should wrap. */
    static final class DropError extends Error {
        private static final long serialVersionUID = 1L;

        DropError(String label) {
            super(label + " failed to close (an Error)");
        }
    }

    private final String key;
    private final String label;
    private final Failure failure;
    private final List<String> log;

    /**
     * @param key what {@code equals} compares
     * @param label what the drop log records
     * @param log where {@link #close()} records the label (the caller's list)
     */
    Res(String key, String label, Failure failure, List<String> log) {
        this.key = key;
        this.label = label;
        this.failure = failure;
        this.log = log;
    }

    String label() {
        return label;
    }

    String key() {
        return key;
    }

    @Override
    public void close() throws CheckedDropFailure {
        log.add(label);
        switch (failure) {
            case UNCHECKED -> throw new DropFailure(label);
            case CHECKED -> throw new CheckedDropFailure(label);
            case ERROR -> throw new DropError(label);
            default -> { }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Res other && other.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return label;
    }

    /** The label of {@code returned}, or a note that it is not {@code given} itself. */
    static String identity(Object returned, Res given) {
        return returned == given ? given.label : "an object other than " + given.label + ": " + returned;
    }
}
