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

    public static Rerun of(GradeReport report, CheckResult check) {
        String command = "./fearless grade" + ("exercises".equals(report.submission()) ? ""
                : " " + Printable.of(report.submission())) + " --check " + check.id();
        return check.dependsOnScheduling()
                ? new Rerun("rerun", command, "rests on thread scheduling: a rerun may differ")
                : new Rerun("reproduce", command + " --seed " + report.seed(), "");
    }

    /** The whole line, as the console prints it. */
    public String line() {
        return label + ": " + command + (note.isEmpty() ? "" : "  (" + note + ")");
    }
}
