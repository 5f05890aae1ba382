package fearless.grader.batch;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import fearless.grader.engine.UsageException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who handed in what ({@code --roster FILE}): a CSV with a header holding the columns
 * {@code student} (the id in the gradebook) and {@code submission} (the folder's or zip's name in
 * the class folder, {@code .zip} optional); any other columns (name, email, section) are carried
 * into {@code gradebook.csv} as they are. A submission the roster does not name keeps its own
 * name as its student id.
 */
public final class Roster {

    /** No roster: every submission is its own student. */
    public static final Roster NONE = new Roster(List.of(), Map.of(), Map.of());

    private final List<String> extraColumns;
    private final Map<String, String> studentBySubmission;
    private final Map<String, Map<String, String>> extrasByStudent;

    private Roster(List<String> extraColumns, Map<String, String> studentBySubmission,
                   Map<String, Map<String, String>> extrasByStudent) {
        this.extraColumns = List.copyOf(extraColumns);
        this.studentBySubmission = studentBySubmission;
        this.extrasByStudent = extrasByStudent;
    }

    public static Roster read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no roster at " + file.toAbsolutePath().normalize());
        }
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        try (Reader reader = Files.newBufferedReader(file);
             MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            List<String> extras = new ArrayList<>();
            Map<String, String> students = new LinkedHashMap<>();
            Map<String, Map<String, String>> extrasByStudent = new LinkedHashMap<>();
            int line = 1;
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                line++;
                if (extras.isEmpty() && line == 2) {
                    if (!row.containsKey("student") || !row.containsKey("submission")) {
                        throw new UsageException("roster " + file + ": the header must name the columns 'student'"
                                + " and 'submission', not " + row.keySet());
                    }
                    row.keySet().stream().filter(c -> !c.equals("student") && !c.equals("submission"))
                            .forEach(extras::add);
                }
                String student = row.getOrDefault("student", "");
                String submission = stripZip(row.getOrDefault("submission", ""));
                if (student.isEmpty() || submission.isEmpty()) {
                    throw new UsageException("roster " + file + " line " + line + ": a student and a submission are needed");
                }
                if (students.putIfAbsent(submission, student) != null) {
                    throw new UsageException("roster " + file + " line " + line + ": submission '" + submission
                            + "' is listed twice");
                }
                Map<String, String> values = new LinkedHashMap<>();
                extras.forEach(c -> values.put(c, row.getOrDefault(c, "")));
                extrasByStudent.putIfAbsent(student, values);
            }
            return new Roster(extras, students, extrasByStudent);
        } catch (RuntimeException e) {
            if (e instanceof UsageException usage) {
                throw usage;
            }
            throw new UsageException("roster " + file + " is not a CSV file with a header: " + e.getMessage());
        }
    }

    /** The student who handed in {@code entry}. */
    public String studentOf(ClassFolder.Entry entry) {
        String named = studentBySubmission.get(entry.source());
        return named != null ? named : studentBySubmission.getOrDefault(entry.ownId(), entry.ownId());
    }

    /** The roster's columns besides {@code student} and {@code submission}, in its order. */
    public List<String> extraColumns() {
        return extraColumns;
    }

    /** The roster's extra values for {@code student}, empty for one it does not list. */
    public Map<String, String> extras(String student) {
        return extrasByStudent.getOrDefault(student, Map.of());
    }

    private static String stripZip(String name) {
        return name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    }
}
