package fearless.grader.batch;

import fearless.grader.cli.ReportFolder;
import fearless.grader.report.ConsoleReport;
import fearless.grader.report.GradeReport;
import fearless.grader.report.JsonReport;
import fearless.grader.report.ReportFormat;
import fearless.grader.report.Statistics;
import fearless.grader.report.StatisticsCsv;
import fearless.grader.report.StatisticsPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a batch writes from its gradebook, after every batch and every merge, each file
 * replaced in one step: {@code gradebook.csv}, {@code students/<id>/} with each graded student's
 * reports ({@code report.txt}, {@code report.json} and the chosen formats' files), and the class
 * statistics ({@code statistics.csv}, {@code statistics.html}) over the students' current reports.
 */
public final class Exports {

    public static final String CSV = "gradebook.csv";
    public static final String STUDENTS = "students";

    private final Roster roster;
    private final List<String> courseOrder;
    private final List<ReportFormat> formats;

    /** @param formats the formats written into each student's folder besides report.txt and report.json */
    public Exports(Roster roster, List<String> courseOrder, List<ReportFormat> formats) {
        this.roster = roster;
        this.courseOrder = List.copyOf(courseOrder);
        this.formats = List.copyOf(formats);
    }

    /** report.txt (the whole text) and report.json, then the chosen formats' files. */
    private List<ReportFormat> written() {
        List<ReportFormat> all = new ArrayList<>(List.of(new ConsoleReport(), new JsonReport()));
        formats.stream().filter(f -> !(f instanceof ConsoleReport) && !(f instanceof JsonReport)).forEach(all::add);
        return all;
    }

    /** Writes the exports of {@code current} (the gradebook's current rows) into {@code out}. */
    public void write(Path out, List<Row> current) throws IOException {
        Files.createDirectories(out);
        ReportFolder.writeAtomically(out.resolve(CSV), new GradebookCsv(roster, courseOrder).render(current));
        List<GradeReport> reports = new ArrayList<>();
        Path students = out.resolve(STUDENTS);
        for (Row row : current) {
            if (row.report().isEmpty() || row.status() != Row.Status.GRADED
                    || StudentFolder.problem(row.student()).isPresent()) {
                continue;
            }
            GradeReport report = row.report().get();
            reports.add(report);
            Path folder = StudentFolder.of(students, row.student());
            Files.createDirectories(folder);
            for (ReportFormat format : written()) {
                ReportFolder.writeAtomically(folder.resolve(format.fileName()), format.render(report));
            }
        }
        var statistics = Statistics.of(reports);
        ReportFolder.writeAtomically(out.resolve("statistics.csv"), new StatisticsCsv().render(statistics));
        ReportFolder.writeAtomically(out.resolve("statistics.html"), new StatisticsPage().render(statistics));
    }
}
