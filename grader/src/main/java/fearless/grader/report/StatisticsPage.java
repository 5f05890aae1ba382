package fearless.grader.report;

/**
 * {@code statistics.html}: a class's statistics as one standalone page for the instructor, made
 * by the {@code statistics.jte} template as the HTML report is: where the class fails most, check
 * by check and rule by rule, with the first lines that failure most often begins with.
 */
public final class StatisticsPage {

    public String render(ClassStatistics statistics) {
        return Templates.render("statistics.jte", statistics);
    }
}
