package fearless.grader.report;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code statistics.csv}: a class's statistics for a spreadsheet, one row per check and per rule
 * ({@code kind} says which), with the three most common first lines of their failures and how
 * often each came, written as {@link CsvTable} writes every CSV of the kit.
 */
public final class StatisticsCsv {

    private static final List<String> HEADER = List.of("kind", "id", "exercise", "category", "rules", "title",
            "lesson", "checks", "max_score", "graded", "failed", "submissions_failing", "submissions",
            "line_1", "count_1", "line_2", "count_2", "line_3", "count_3");

    public String render(ClassStatistics statistics) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ClassStatistics.CheckStat check : statistics.checks()) {
            rows.add(row("check", check.id(), check.exercise(), check.category(), String.join(" ", check.rules()), "", "",
                    "", String.valueOf(check.maxScore()), String.valueOf(check.graded()), String.valueOf(check.failed()),
                    "", String.valueOf(statistics.submissions()), check.firstLines()));
        }
        for (ClassStatistics.RuleStat rule : statistics.rules()) {
            rows.add(row("rule", rule.id(), "", "", "", rule.title(), rule.lesson(), String.join(" ", rule.checks()), "",
                    String.valueOf(rule.graded()), String.valueOf(rule.failed()),
                    String.valueOf(rule.submissionsFailing()), String.valueOf(statistics.submissions()),
                    rule.firstLines()));
        }
        return CsvTable.write(rows);
    }

    private static List<String> row(String kind, String id, String exercise, String category, String rules, String title,
                                    String lesson, String checks, String maxScore, String graded, String failed,
                                    String submissionsFailing, String submissions, List<ClassStatistics.LineCount> lines) {
        List<String> row = new ArrayList<>(List.of(kind, id, exercise, category, rules, title, lesson, checks, maxScore,
                graded, failed, submissionsFailing, submissions));
        for (int i = 0; i < Statistics.TOP_LINES; i++) {
            boolean has = i < lines.size();
            row.add(has ? lines.get(i).line() : "");
            row.add(has ? String.valueOf(lines.get(i).count()) : "");
        }
        return row;
    }

}
