package fearless.grader.check;

/**
 * The submission did not finish within a bound the check set itself (a deadlock, a lost wake-up,
 * an endless loop). Reported as {@code timeout}, and the grader moves the remaining checks to a
 * fresh JVM, since the stuck threads may still be spinning or holding locks.
 */
public final class Hung extends AssertionError {

    private static final long serialVersionUID = 1L;

    public Hung(String message) {
        super(message);
    }
}
