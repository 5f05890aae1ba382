package fearless.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
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
        AtomicBoolean released = new AtomicBoolean();
        RuntimeException looping = new RuntimeException() {
            @Override
            public String getMessage() {
                while (!released.get()) {
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
        released.set(true); // the reader thread was abandoned: let it end, so it takes no core from later tests
    }

    @Test
    void values_are_shown_capped_and_a_broken_to_string_is_named() {
        assertEquals("null", Safely.show(null));
        assertEquals("42", Safely.show(42));
        assertEquals("x".repeat(Safely.MAX_CHARS) + "... (10 more characters)",
                Safely.show("x".repeat(Safely.MAX_CHARS + 10)));
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new UnsupportedOperationException();
            }
        };
        assertTrue(Safely.show(hostile).endsWith("whose toString() threw java.lang.UnsupportedOperationException)"),
                Safely.show(hostile));
        assertEquals("[a, 1]", Safely.show(java.util.List.of("a", 1)));
    }

    @Test
    void a_to_string_that_never_returns_hangs_the_check_within_its_bound() {
        AtomicBoolean released = new AtomicBoolean();
        Object looping = new Object() {
            @Override
            public String toString() {
                while (!released.get()) {
                    Thread.onSpinWait();
                }
                return "";
            }
        };
        long start = System.nanoTime();
        Hung hung = assertThrows(Hung.class, () -> Safely.show(java.util.List.of(looping)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < Safely.MESSAGE_MILLIS + 1_000, "took " + millis + " ms");
        assertTrue(hung.getMessage().contains("toString() did not return within"), hung.getMessage());
        released.set(true);
    }

}
