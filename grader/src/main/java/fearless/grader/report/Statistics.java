package fearless.grader.report;

import java.util.List;

/** A class's statistics from its latest grades: per check and per rule, who failed and how. */
public final class Statistics {

    private Statistics() {
    }

    /** The statistics of {@code reports}, one report per submission. */
    public static ClassStatistics of(List<GradeReport> reports) {
        // TODO(html): count failures and first failure lines per check and per rule.
        return new ClassStatistics(reports.size(), List.of(), List.of());
    }
}
