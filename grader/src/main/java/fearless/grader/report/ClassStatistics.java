package fearless.grader.report;

import java.util.List;

/**
 * What a whole class's grading says about each check and each rule: where the class stumbles,
 * so an instructor knows which lesson to go over again. Computed from a batch's gradebook.
 *
 * @param submissions how many submissions were graded
 * @param checks one entry per check, in course order
 * @param rules one entry per rule the checks cite, in the order they first appear
 */
public record ClassStatistics(int submissions, List<CheckStat> checks, List<RuleStat> rules) {

    public ClassStatistics {
        checks = List.copyOf(checks);
        rules = List.copyOf(rules);
    }

    /**
     * @param graded how many submissions had a verdict on it
     * @param failed how many of them did not pass it (failed, timed out, crashed)
     * @param firstLines the most common first lines of its failure messages, most frequent first
     */
    public record CheckStat(String id, String exercise, String category, List<String> rules, int maxScore,
                            int graded, int failed, List<LineCount> firstLines) {
        public CheckStat {
            rules = List.copyOf(rules);
            firstLines = List.copyOf(firstLines);
        }
    }

    /**
     * @param checks the checks that cite it
     * @param graded verdicts on those checks, over all submissions
     * @param failed how many of those verdicts were not passes
     * @param submissionsFailing how many submissions failed at least one check citing it
     * @param firstLines the most common first lines of those checks' failure messages
     */
    public record RuleStat(String id, String title, String lesson, List<String> checks, int graded, int failed,
                           int submissionsFailing, List<LineCount> firstLines) {
        public RuleStat {
            checks = List.copyOf(checks);
            firstLines = List.copyOf(firstLines);
        }
    }

    /** A first line of feedback and how many verdicts began with it. */
    public record LineCount(String line, int count) {
    }
}
