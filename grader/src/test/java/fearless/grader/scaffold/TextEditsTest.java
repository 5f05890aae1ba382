package fearless.grader.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fearless.grader.engine.UsageException;
import org.junit.jupiter.api.Test;

/** The textual edits keep every line that was there, and put the new one where it belongs. */
class TextEditsTest {

    private static final String MANIFEST = """
            # comment kept
            title: "T"
            topics:
              - id: a
                lesson: a.md
                exercises:
                  - id: x # kept too
                    rules: [R1]

            # the next topic
              - id: b
                exercises:
                  - id: y
            """;

    @Test
    void an_exercise_goes_last_in_its_topic_at_the_file_s_indent() {
        assertEquals("""
                # comment kept
                title: "T"
                topics:
                  - id: a
                    lesson: a.md
                    exercises:
                      - id: x # kept too
                        rules: [R1]
                      - id: new
                        rules: [R2]

                # the next topic
                  - id: b
                    exercises:
                      - id: y
                """, TextEdits.withExercise(MANIFEST, "a", "- id: new\n  rules: [R2]\n"));
    }

    @Test
    void a_topic_goes_last() {
        assertEquals(MANIFEST + "  - id: c\n    exercises:\n      - id: new\n",
                TextEdits.withTopic(MANIFEST, "- id: c\n  exercises:\n", "- id: new\n"));
    }

    @Test
    void an_unknown_topic_is_refused() {
        assertThrows(UsageException.class, () -> TextEdits.withExercise(MANIFEST, "x", "- id: new\n"));
    }

    @Test
    void a_key_goes_in_order() {
        String yaml = "# head\n\na/A.java:\n  - 1\n\nc/C.java:\n  - 3\n";
        assertEquals("# head\n\na/A.java:\n  - 1\n\nb/B.java:\n  - 2\n\nc/C.java:\n  - 3\n",
                TextEdits.withKeyInOrder(yaml, "b/B.java", "b/B.java:\n  - 2\n"));
        assertEquals(yaml + "\nd/D.java:\n  - 4\n", TextEdits.withKeyInOrder(yaml, "d/D.java", "d/D.java:\n  - 4\n"));
    }

    @Test
    void the_next_section_follows_the_highest() {
        assertEquals(4, TextEdits.nextSection("# L\n## 1. a\n## 3. c\n### 7. not a section\n"));
        assertEquals(1, TextEdits.nextSection("# L\n"));
    }
}
