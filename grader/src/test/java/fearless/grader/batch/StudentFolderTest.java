package fearless.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A student id names a folder inside the students' folder, or none at all. */
class StudentFolderTest {

    @Test
    void plain_ids_name_folders() {
        for (String id : List.of("alice", "s1234567", "jo.doe@uni", "Zoë Ab", "a-b_c+d")) {
            assertTrue(StudentFolder.problem(id).isEmpty(), id);
        }
        assertEquals(Path.of("/out/students/alice"), StudentFolder.of(Path.of("/out/students"), "alice"));
    }

    @Test
    void ids_that_could_leave_the_folder_are_refused() {
        for (String id : List.of("", "..", "../x", "a/b", "a\\b", ".hidden", "a..b", "tab\there", "bell\u0007",
                "x".repeat(101), "trailing.", "nul\u0000")) {
            assertTrue(StudentFolder.problem(id).isPresent(), id);
            assertThrows(IllegalArgumentException.class, () -> StudentFolder.of(Path.of("/out/students"), id), id);
        }
        assertTrue(StudentFolder.problem("bell\u0007").orElseThrow().contains("\\u0007"));
    }
}
