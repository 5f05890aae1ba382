package fearless.grader.report;

/**
 * How a student runs one failing check again, for the reports read away from the terminal
 * (Gradescope, GitHub, JUnit XML): there the student grades their own {@code exercises/}, so the
 * command names no submission. The seed fixes the verdict unless the check rests on thread
 * scheduling, and then the line says a rerun may differ.
 */
public final class Rerun {

    private Rerun() {
    }

    /**
     * Whether a rerun line helps: not for a check that passed, nor for a hidden one (the student's
     * kit does not have it), nor for one that did not run because its exercise did not compile or
     * used what it may not.
     */
    public static boolean helps(CheckResult check) {
        return !check.passed() && !check.hidden() && !check.message().startsWith("not run:");
    }

    public static String of(CheckResult check, long seed) {
        String command = "./fearless grade --check " + check.id();
        return check.dependsOnScheduling()
                ? "rerun: " + command + "  (rests on thread scheduling: a rerun may differ)"
                : "reproduce: " + command + " --seed " + seed;
    }
}
