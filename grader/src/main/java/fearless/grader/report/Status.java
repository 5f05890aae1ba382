package fearless.grader.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a check ended. Only {@link #PASSED} earns points. */
public enum Status {
    PASSED,
    /** The submission broke the rule the check verifies (or did not compile, or is unimplemented). */
    FAILED,
    /** The check did not finish within its time limit: a deadlock, an endless loop, a lost wake-up. */
    TIMEOUT,
    /** The JVM running the check died or was cut off by an exit while the check ran. */
    CRASHED,
    /** The grader could not reach a verdict; never the student's fault, never a pass. */
    ERROR,
    /** The check was not run (a precondition did not hold). */
    SKIPPED;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
