package fearless.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** An ownership error reads like rustc and names its code; it is a refused program, not a panic. */
class OwnershipErrorTest {

    @Test
    void the_message_reads_like_rustc() {
        OwnershipError e = OwnershipError.useAfterMove("the box was moved to a new owner");
        assertEquals(ErrorCode.E0382, e.code());
        assertEquals("error[E0382]: use of moved value: the box was moved to a new owner", e.getMessage());
        assertEquals("the trait bound is not satisfied", ErrorCode.E0277.title());
    }

    @Test
    void it_is_not_a_panic() {
        assertFalse(Panic.class.isAssignableFrom(OwnershipError.class));
    }
}
