package fearless.grader.batch;

import fearless.grader.report.CsvTable;
import fearless.grader.report.ExerciseResult;
import fearless.grader.report.GradeReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code gradebook.csv}: one row per student, for a spreadsheet or a course platform's import:
 * {@code student}, {@code submission}, the roster's extra columns, one column per exercise graded
 * (in course order), {@code total}, {@code max}, {@code status} and {@code reason}. A student two
 * entries claimed has one row naming both. Written as {@link CsvTable} writes every CSV of the kit;
 * the same grades always give the same bytes.
 */
public final class GradebookCsv {

    private final Roster roster;
    private final List<String> courseOrder;

    /** @param courseOrder every exercise id of the course, in course order */
    public GradebookCsv(Roster roster, List<String> courseOrder) {
        this.roster = roster;
        this.courseOrder = List.copyOf(courseOrder);
    }

    /** @param current the gradebook's current rows, sorted by student */
    public String render(List<Row> current) {
        Set<String> graded = current.stream().flatMap(r -> r.report().stream())
                .flatMap(r -> r.exercises().stream()).map(ExerciseResult::id).collect(Collectors.toSet());
        List<String> exercises = courseOrder.stream().filter(graded::contains).toList();
        List<String> header = new ArrayList<>(List.of("student", "submission"));
        header.addAll(roster.extraColumns());
        header.addAll(exercises);
        header.addAll(List.of("total", "max", "status", "reason"));
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        Map<String, List<Row>> byStudent = new LinkedHashMap<>();
        current.forEach(r -> byStudent.computeIfAbsent(r.student(), s -> new ArrayList<>()).add(r));
        byStudent.forEach((student, rows) -> lines.add(line(student, rows, exercises)));
        return CsvTable.write(lines);
    }

    private List<String> line(String student, List<Row> rows, List<String> exercises) {
        Row row = rows.get(0);
        List<String> cells = new ArrayList<>();
        cells.add(student);
        cells.add(rows.stream().map(Row::source).collect(Collectors.joining("; ")));
        roster.extraColumns().forEach(c -> cells.add(roster.extras(student).getOrDefault(c, "")));
        Optional<GradeReport> report = rows.size() == 1 ? row.report() : Optional.empty();
        for (String exercise : exercises) {
            cells.add(report.flatMap(r -> r.exercises().stream().filter(e -> e.id().equals(exercise)).findFirst())
                    .map(e -> Integer.toString(e.score())).orElse(""));
        }
        cells.add(report.map(r -> Integer.toString(r.score())).orElse(""));
        cells.add(report.map(r -> Integer.toString(r.maxScore())).orElse(""));
        cells.add(row.status().label());
        cells.add(row.reason());
        return cells;
    }

}
