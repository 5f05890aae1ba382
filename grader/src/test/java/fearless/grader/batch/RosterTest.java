package fearless.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.grader.engine.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A roster maps folder and zip names to students and keeps its other columns. */
class RosterTest {

    @TempDir
    Path dir;

    @Test
    void a_roster_names_the_student_of_a_folder_or_a_zip() throws Exception {
        Roster roster = Roster.read(Files.writeString(dir.resolve("r.csv"),
                "student,submission,email\nalice,repo-17,a@example.org\nbob,upload-3.zip,b@example.org\n"));
        assertEquals("alice", roster.studentOf(new ClassFolder.Entry("repo-17", dir, ClassFolder.Kind.FOLDER)));
        assertEquals("bob", roster.studentOf(new ClassFolder.Entry("upload-3.zip", dir, ClassFolder.Kind.ZIP)));
        assertEquals("carol", roster.studentOf(new ClassFolder.Entry("carol.zip", dir, ClassFolder.Kind.ZIP)),
                "a submission the roster does not name is its own student");
        assertEquals(List.of("email"), roster.extraColumns());
        assertEquals(Map.of("email", "b@example.org"), roster.extras("bob"));
    }

    @Test
    void a_roster_without_its_columns_or_naming_a_submission_twice_is_refused() throws Exception {
        UsageException columns = assertThrows(UsageException.class,
                () -> Roster.read(Files.writeString(dir.resolve("a.csv"), "id,folder\nalice,a\n")));
        assertTrue(columns.getMessage().contains("'student' and 'submission'"), columns.getMessage());
        UsageException twice = assertThrows(UsageException.class, () -> Roster.read(Files.writeString(
                dir.resolve("b.csv"), "student,submission\nalice,a\nbob,a.zip\n")));
        assertTrue(twice.getMessage().contains("line 3: submission 'a' is listed twice"), twice.getMessage());
        assertThrows(UsageException.class, () -> Roster.read(dir.resolve("missing.csv")));
    }
}
