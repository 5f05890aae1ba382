package fearless.grader.report;

/**
 * How to run one check alone again, as every report says it: {@code reproduce} with the seed when
 * the seed fixes the verdict, {@code rerun} when the verdict rests on how threads were scheduled.
 *
 * @param label {@code reproduce} or {@code rerun}
 * @param command the command line to run
 * @param note why a rerun may differ, or empty
 */
public record Rerun(String label, String command, String note) {

    /** The command for the submission the report graded, as the terminal and the HTML page say it. */
    public static Rerun of(GradeReport report, CheckResult check) {
        return of(check, report.seed(), "exercises".equals(report.submission()) ? ""
                : " " + Printable.of(report.submission()));
    }

    /**
     * The command for the reports read away from the terminal (Gradescope, GitHub, JUnit XML):
     * there the student grades their own {@code exercises/}, so it names no submission.
     */
    public static Rerun ofOwnWork(CheckResult check, long seed) {
        return of(check, seed, "");
    }

    /**
     * Whether a rerun line helps: not for a check that passed, nor for a hidden one (the student's
     * kit does not have it), nor for one that did not run because its exercise did not compile or
     * used what it may not.
     */
    public static boolean helps(CheckResult check) {
        return !check.passed() && !check.hidden() && !check.message().startsWith("not run:");
    }

    private static Rerun of(CheckResult check, long seed, String submission) {
        String command = "./fearless grade" + submission + " --check " + check.id();
        return check.dependsOnScheduling()
                ? new Rerun("rerun", command, "rests on thread scheduling: a rerun may differ")
                : new Rerun("reproduce", command + " --seed " + seed, "");
    }

    /** The whole line, as the console prints it. */
    public String line() {
        return label + ": " + command + (note.isEmpty() ? "" : "  (" + note + ")");
    }
}
