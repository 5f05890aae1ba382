package fearless.grader.report;

/** {@code statistics.html}: a class's statistics as one standalone page for the instructor. */
public final class StatisticsPage {

    public String render(ClassStatistics statistics) {
        // TODO(html): the template-engine page, as the HTML report is made.
        StringBuilder html = new StringBuilder("<!doctype html><meta charset=\"utf-8\"><title>Class statistics</title>"
                + "<table><tr><th>check</th><th>failed</th><th>graded</th></tr>");
        for (ClassStatistics.CheckStat check : statistics.checks()) {
            html.append("<tr><td>").append(check.id()).append("</td><td>").append(check.failed()).append("</td><td>")
                    .append(check.graded()).append("</td></tr>");
        }
        return html.append("</table>\n").toString();
    }
}
