package fearless.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fearless.child.wire.Signature;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A channel line's tag depends on the key, the line's number and its text: replayed or forged lines do not verify. */
class SignatureTest {

    private final Signature child = new Signature("k".repeat(32).getBytes(StandardCharsets.UTF_8));
    private final Signature parent = new Signature("k".repeat(32).getBytes(StandardCharsets.UTF_8));

    @Test
    void the_same_key_number_and_text_verify() {
        assertEquals(child.tag(3, "{\"type\":\"done\"}"), parent.tag(3, "{\"type\":\"done\"}"));
    }

    @Test
    void a_line_replayed_at_another_number_does_not_verify() {
        assertNotEquals(child.tag(3, "{\"type\":\"done\"}"), parent.tag(4, "{\"type\":\"done\"}"));
    }

    @Test
    void another_key_or_text_does_not_verify() {
        Signature forger = new Signature("x".repeat(32).getBytes(StandardCharsets.UTF_8));
        assertNotEquals(forger.tag(1, "{\"type\":\"done\"}"), parent.tag(1, "{\"type\":\"done\"}"));
        assertNotEquals(child.tag(1, "{\"type\":\"dont\"}"), parent.tag(1, "{\"type\":\"done\"}"));
    }
}
