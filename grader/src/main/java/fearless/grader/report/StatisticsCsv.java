package fearless.grader.report;

/** {@code statistics.csv}: a class's statistics for a spreadsheet, one row per check and per rule. */
public final class StatisticsCsv {

    public String render(ClassStatistics statistics) {
        // TODO(html): one row per check and per rule, with the most common first failure lines.
        return "kind,id,graded,failed\n";
    }
}
