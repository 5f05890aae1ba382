package fearless.grader.report;

/**
 * {@code report.html}: the report as one page a student opens in any browser, offline, or prints.
 * Everything is in the file (styles inline, no script needed, nothing fetched); the feedback of
 * each check folds, the first failure of each exercise open, and an interleaving reads as a table
 * with a column per thread. Made by the {@code report.jte} template from a {@link ReportPage}.
 */
public final class HtmlReport implements ReportFormat {

    @Override
    public String id() {
        return "html";
    }

    @Override
    public String fileName() {
        return "report.html";
    }

    @Override
    public String render(GradeReport report) {
        return Templates.render("report.jte", ReportPage.of(report));
    }
}
