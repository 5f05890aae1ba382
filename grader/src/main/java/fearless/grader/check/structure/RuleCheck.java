package fearless.grader.check.structure;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * Evaluates an ArchUnit rule on the submission's classes and turns violations into feedback: what
 * is wrong in plain words, the rule as a sentence, each offending place as {@code File.java:line}
 * with what happens there, and the lesson to read.
 */
public final class RuleCheck {

    /** Offending places listed at most. */
    private static final int MAX_PLACES = 8;

    /** ArchUnit's location suffix, e.g. {@code in (BasicMutex.java:12)}. */
    private static final Pattern LOCATION = Pattern.compile("\\s*in \\(([^():]+\\.java):(\\d+)\\)\\s*$");

    private RuleCheck() {
    }

    /**
     * Checks {@code rule} on the submission's classes of the exercise package {@code segment}.
     *
     * @param firstLine what is wrong, in plain words, with rule ids (the feedback's first line)
     * @param lesson the lesson to read, e.g. {@code course-notes/06-mutex.md}
     */
    public static void assertHolds(String segment, ArchRule rule, String firstLine, String lesson) {
        assertHolds(SubmissionClasses.inPackage(segment), segment, rule, firstLine, lesson);
    }

    /** As {@link #assertHolds(String, ArchRule, String, String)}, on classes already imported. */
    public static void assertHolds(JavaClasses classes, String segment, ArchRule rule, String firstLine,
            String lesson) {
        EvaluationResult result = rule.evaluate(classes);
        if (!result.hasViolation()) {
            return;
        }
        List<String> places = places(result.getFailureReport().getDetails(), segment);
        StringBuilder out = new StringBuilder(firstLine).append('\n');
        out.append("Rule: ").append(rule.getDescription()).append('\n');
        for (String place : places.subList(0, Math.min(MAX_PLACES, places.size()))) {
            out.append("  ").append(place).append('\n');
        }
        if (places.size() > MAX_PLACES) {
            out.append("  ... and ").append(places.size() - MAX_PLACES).append(" more\n");
        }
        out.append("Read ").append(lesson);
        throw new AssertionFailedError(out.toString());
    }

    /** The violations as distinct places, in file and line order. */
    static List<String> places(List<String> details, String segment) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String detail : details) {
            distinct.add(place(detail, segment));
        }
        List<String> sorted = new ArrayList<>(distinct);
        sorted.sort(Comparator.comparing(RuleCheck::file).thenComparingInt(RuleCheck::line));
        return sorted;
    }

    private static String file(String place) {
        int colon = place.indexOf(':');
        return colon < 0 ? place : place.substring(0, colon);
    }

    private static int line(String place) {
        Matcher m = Pattern.compile("^[^:]+:(\\d+):").matcher(place);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** One violation as {@code File.java:12: what happens}, with the submission's package names cut. */
    static String place(String detail, String segment) {
        String what = detail;
        String where = "";
        Matcher m = LOCATION.matcher(detail);
        if (m.find()) {
            what = detail.substring(0, m.start());
            where = m.group(2).equals("0") ? m.group(1) + ": " : m.group(1) + ":" + m.group(2) + ": ";
        }
        what = what.replaceAll("(?:[a-z_][a-z0-9_]*\\.)+" + Pattern.quote(segment) + "\\.", "")
                .replace("java.lang.", "").replace('$', '.');
        return where + what;
    }
}
