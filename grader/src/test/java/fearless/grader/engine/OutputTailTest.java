package fearless.grader.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputTailTest {

    @Test
    void keeps_everything_that_fits() {
        ChildProcess.OutputTail tail = new ChildProcess.OutputTail(64);
        tail.drain(new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("hello\n", tail.text());
    }

    @Test
    void keeps_the_last_bytes_of_a_flood() {
        ChildProcess.OutputTail tail = new ChildProcess.OutputTail(10);
        tail.drain(new ByteArrayInputStream(("x".repeat(1000) + "0123456789").getBytes(StandardCharsets.UTF_8)));
        assertTrue(tail.text().endsWith("\n0123456789"), tail.text());
        assertTrue(tail.text().startsWith("[... 1000 earlier bytes dropped]"), tail.text());
    }
}
