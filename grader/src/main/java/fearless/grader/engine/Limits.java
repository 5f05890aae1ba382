package fearless.grader.engine;

import java.time.Duration;

/** The bounds every grading run holds a submission to. */
public final class Limits {

    /** A check's own time limit, enforced inside the child (JUnit's timeout, in a separate thread). */
    public static final int CHECK_TIMEOUT_SECONDS = 10;

    /** How long past its limit a check may go before the parent kills the child's JVM. */
    public static final Duration KILL_GRACE = Duration.ofSeconds(5);

    /** How long a fresh child may take to connect back. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /** The child's heap: enough for any honest check, small enough that a leak ends fast. */
    public static final String CHILD_HEAP = "-Xmx512m";

    /** Live threads a child may have; more ends it (checks use a few dozen at most). */
    public static final int MAX_THREADS = 1_000;

    /**
     * Threads the JVM itself runs beside the checks' and the submission's (compiler, GC, signal
     * handling): the parent's own count of a child's threads allows for them.
     */
    public static final int THREAD_SLACK = 100;

    /** How long the compiler may take on a submission before it is stopped; the parent's own setting. */
    public static final String COMPILE_TIMEOUT_PROPERTY = "fearless.compile.timeout.seconds";


    /** Bytes of the child's stdout and stderr kept (the tail), so a flood cannot fill the parent. */
    public static final int OUTPUT_TAIL_BYTES = 16 * 1024;

    /** The compiler's time bound: 30 s, or the grader's {@value #COMPILE_TIMEOUT_PROPERTY} setting. */
    public static Duration compileTimeout() {
        return Duration.ofSeconds(Long.getLong(COMPILE_TIMEOUT_PROPERTY, 30));
    }

    private Limits() {
    }
}
