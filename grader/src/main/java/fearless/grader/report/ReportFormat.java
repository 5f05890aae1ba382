package fearless.grader.report;

/**
 * One way of writing the result model down. Writers are small and independent: each reads the
 * same {@link GradeReport}, so a new format (HTML, JUnit XML, a gradebook) never changes grading.
 */
public interface ReportFormat {

    /** The name used with {@code --format}. */
    String id();

    /** The file it is written to under {@code --out}. */
    String fileName();

    String render(GradeReport report);
}
