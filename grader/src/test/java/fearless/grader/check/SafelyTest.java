package fearless.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A submission's exception message is quoted however it behaves, and a plain one costs nothing. */
class SafelyTest {

    @Test
    void a_plain_message_is_read_at_once() {
        assertEquals("boom", Safely.message(new IllegalStateException("boom")));
        assertEquals("(no message)", Safely.message(new IllegalStateException()));
        assertEquals("java.lang.IllegalStateException: boom", Safely.describe(new IllegalStateException("boom")));
    }

    @Test
    void a_message_that_throws_is_named() {
        RuntimeException hostile = new RuntimeException() {
            @Override
            public String getMessage() {
                throw new UnsupportedOperationException();
            }
        };
        assertEquals("(its getMessage() threw java.lang.UnsupportedOperationException)", Safely.message(hostile));
    }

    @Test
    void a_message_that_never_returns_hangs_the_check_within_its_bound() {
        RuntimeException looping = new RuntimeException() {
            @Override
            public String getMessage() {
                while (!released) {
                    Thread.onSpinWait();
                }
                return "";
            }
        };
        long start = System.nanoTime();
        Hung hung = assertThrows(Hung.class, () -> Safely.message(looping));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < Safely.MESSAGE_MILLIS + 1_000, "took " + millis + " ms");
        assertTrue(hung.getMessage().contains("did not return within"), hung.getMessage());
        released = true; // the reader thread was abandoned: let it end, so it takes no core from later tests
    }

    private static volatile boolean released;
}
