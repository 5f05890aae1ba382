package fearless.grader.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fearless.grader.calibration.Selfcheck.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The selfcheck's table and progress lines, from fixed rows, match the golden file. To accept an
 * intended change, run with {@code -Dgolden.update=true} and review the diff.
 */
class SelfcheckTableTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/selfcheck.txt");

    private static final List<Row> ROWS = List.of(
            new Row("stubs", true, "0/110", 8_512),
            new Row("solutions seed 42", true, "110/110", 21_034),
            new Row("solutions seed 43", false, "108/110: mutex/lots_and_lots timeout", 33_950),
            new Row("mutant box/clone-shares-state", true, "caught by its 2 checks", 3_120),
            new Row("mutant mutex/check_then_act", false, "mutex/lots_and_lots missed it", 9_004));

    @Test
    void the_table_and_the_progress_lines_match_the_golden_file() throws IOException {
        StringBuilder actual = new StringBuilder();
        ROWS.forEach(row -> actual.append(SelfcheckTable.line(row)).append('\n'));
        actual.append('\n').append(SelfcheckTable.render(ROWS, 75_620));
        actual.append('\n').append(SelfcheckTable.render(ROWS.subList(0, 2), 29_546));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual);
        }
        assertEquals(Files.readString(GOLDEN), actual.toString(), "differs from " + GOLDEN);
    }
}
