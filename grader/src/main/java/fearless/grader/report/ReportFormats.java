package fearless.grader.report;

import java.util.List;
import java.util.Optional;

/**
 * Every report format, by the name {@code --format} takes, in the order the help lists them. A
 * new format is one more writer here; grading never changes for it.
 */
public final class ReportFormats {

    private static final List<ReportFormat> ALL = List.of(new ConsoleReport(), new JsonReport(), new GradescopeReport(),
            new GithubReport(), new HtmlReport(), new JunitXmlReport());

    private ReportFormats() {
    }

    public static List<ReportFormat> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(ReportFormat::id).toList();
    }

    public static Optional<ReportFormat> byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
