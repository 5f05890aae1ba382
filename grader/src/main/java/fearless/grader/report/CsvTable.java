package fearless.grader.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.List;

/**
 * Rows of text as CSV for a spreadsheet: Jackson's CSV writer quotes commas, quotes and line
 * breaks, and a cell that starts like a formula ({@code = + - @}, a tab or a carriage return) gets a
 * leading {@code '}, so a spreadsheet shows what a submission wrote instead of evaluating it.
 */
public final class CsvTable {

    private static final CsvMapper CSV = new CsvMapper();

    private CsvTable() {
    }

    /** The rows, the first one the header, one line each. */
    public static String write(List<List<String>> rows) {
        List<List<String>> inert = rows.stream().map(row -> row.stream().map(CsvTable::inert).toList()).toList();
        try {
            return CSV.writer(CsvSchema.emptySchema().withLineSeparator("\n")).writeValueAsString(inert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV", e);
        }
    }

    /** A cell a spreadsheet will not take for a formula. */
    static String inert(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
