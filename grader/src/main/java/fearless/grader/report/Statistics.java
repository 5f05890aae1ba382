package fearless.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A class's statistics from its latest grades: per check and per rule, who failed and how.
 *
 * <p>A verdict is any status but {@code skipped}; a failure is a verdict that is not a pass (an
 * {@code error} too: no points were earned, and its first line says it was the grader's). A check
 * that did not run because its exercise does not compile, or uses what it may not, is a failure
 * like any other: its first line ("not run: the exercise does not compile") says why, so those
 * submissions gather under one line of their own instead of being lost.
 */
public final class Statistics {

    /** First lines kept per check and per rule. */
    static final int TOP_LINES = 3;

    private Statistics() {
    }

    /** The statistics of {@code reports}, one report per submission. */
    public static ClassStatistics of(List<GradeReport> reports) {
        Map<String, List<CheckResult>> verdicts = new LinkedHashMap<>();
        Map<String, CheckResult> firstSeen = new LinkedHashMap<>();
        Map<String, String> exerciseOf = new LinkedHashMap<>();
        Map<String, GradeReport.RuleLink> links = new LinkedHashMap<>();
        for (GradeReport report : reports) {
            report.rules().forEach(links::putIfAbsent);
            for (ExerciseResult exercise : report.exercises()) {
                for (CheckResult check : exercise.checks()) {
                    firstSeen.putIfAbsent(check.id(), check);
                    exerciseOf.putIfAbsent(check.id(), exercise.id());
                    verdicts.computeIfAbsent(check.id(), id -> new ArrayList<>()).add(check);
                }
            }
        }
        List<ClassStatistics.CheckStat> checks = new ArrayList<>();
        Map<String, List<String>> citing = new LinkedHashMap<>();
        for (CheckResult check : firstSeen.values()) {
            List<CheckResult> all = verdicts.get(check.id());
            checks.add(new ClassStatistics.CheckStat(check.id(), exerciseOf.get(check.id()), check.category(),
                    check.rules(), check.maxScore(), (int) all.stream().filter(Statistics::graded).count(),
                    (int) all.stream().filter(Statistics::failed).count(), commonFirstLines(all)));
            check.rules().forEach(rule -> citing.computeIfAbsent(rule, r -> new ArrayList<>()).add(check.id()));
        }
        List<ClassStatistics.RuleStat> rules = new ArrayList<>();
        citing.forEach((rule, ids) -> rules.add(rule(rule, ids, links.get(rule), verdicts, reports)));
        return new ClassStatistics(reports.size(), checks, rules);
    }

    private static ClassStatistics.RuleStat rule(String rule, List<String> checkIds, GradeReport.RuleLink link,
                                                 Map<String, List<CheckResult>> verdicts, List<GradeReport> reports) {
        Set<String> ids = new LinkedHashSet<>(checkIds);
        List<CheckResult> all = ids.stream().flatMap(id -> verdicts.get(id).stream()).toList();
        int submissionsFailing = (int) reports.stream().filter(report -> report.exercises().stream()
                .flatMap(e -> e.checks().stream()).anyMatch(c -> ids.contains(c.id()) && failed(c))).count();
        return new ClassStatistics.RuleStat(rule, link == null ? "" : link.title(), link == null ? "" : link.lesson(),
                List.copyOf(ids), (int) all.stream().filter(Statistics::graded).count(),
                (int) all.stream().filter(Statistics::failed).count(), submissionsFailing, commonFirstLines(all));
    }

    /** The first lines of the failures' messages, most frequent first, ties in text order. */
    static List<ClassStatistics.LineCount> commonFirstLines(List<CheckResult> verdicts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (CheckResult check : verdicts) {
            String line = failed(check) ? firstLine(check.message()) : "";
            if (!line.isEmpty()) {
                counts.merge(line, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_LINES).map(e -> new ClassStatistics.LineCount(e.getKey(), e.getValue())).toList();
    }

    /** The first line with text in it, control characters shown escaped. */
    static String firstLine(String message) {
        return Printable.of(message).lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    private static boolean graded(CheckResult check) {
        return check.status() != Status.SKIPPED;
    }

    private static boolean failed(CheckResult check) {
        return graded(check) && !check.passed();
    }
}
