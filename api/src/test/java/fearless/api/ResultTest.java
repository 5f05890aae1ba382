package fearless.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.api.mutex.PoisonError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The api's own code keeps its Javadoc's word: Result, Panic, PoisonError and Unimplemented. */
class ResultTest {

    private final Result<Integer, String> ok = Result.ok(1);
    private final Result<Integer, String> err = Result.err("no");

    @Test
    void ok_and_err_carry_their_value() {
        assertTrue(ok.isOk());
        assertFalse(ok.isErr());
        assertTrue(err.isErr());
        assertEquals(1, ok.unwrap());
        assertEquals("no", err.unwrapErr());
        assertEquals(1, ok.expect("must"));
    }

    @Test
    void unwrap_on_an_err_panics_carrying_the_error() {
        Panic p = assertThrows(Panic.class, err::unwrap);
        assertEquals("no", p.payload());
        assertEquals("called `Result::unwrap()` on an `Err` value: no", p.getMessage());
        Panic q = assertThrows(Panic.class, () -> err.expect("needed a number"));
        assertTrue(q.getMessage().startsWith("needed a number: no"));
        Panic r = assertThrows(Panic.class, ok::unwrapErr);
        assertEquals(1, r.payload());
    }

    @Test
    void the_combinators_touch_only_their_side() {
        assertEquals(3, err.unwrapOr(3));
        assertEquals(1, ok.unwrapOr(3));
        assertEquals(Optional.of(1), ok.ok());
        assertEquals(Optional.empty(), err.ok());
        assertEquals(Optional.of("no"), err.err());
        assertEquals(Optional.empty(), ok.err());
        assertEquals(2, ok.map(v -> v + 1).unwrap());
        assertEquals("no", err.map(v -> v + 1).unwrapErr());
        assertEquals("NO", err.mapErr(String::toUpperCase).unwrapErr());
        assertEquals(1, ok.mapErr(String::toUpperCase).unwrap());
        assertEquals("x", ok.andThen(v -> Result.<Integer, String>err("x")).unwrapErr());
        assertEquals("no", err.andThen(v -> Result.<Integer, String>ok(v * 2)).unwrapErr());
    }

    @Test
    void a_panic_is_an_unchecked_exception_carrying_its_payload() {
        Panic plain = new Panic("boom");
        assertInstanceOf(RuntimeException.class, plain);
        assertEquals("boom", plain.payload());
        Object payload = new Object();
        assertSame(payload, new Panic("boom", payload).payload());
    }

    @Test
    void a_poison_error_gives_back_what_it_carries() {
        PoisonError<String> e = new PoisonError<>("data");
        assertEquals("data", e.intoInner());
    }

    @Test
    void a_stub_names_its_exercise_and_lesson() {
        Unimplemented u = new Unimplemented("mutex", "course-notes/06-mutex.md");
        assertInstanceOf(Panic.class, u);
        assertTrue(u.getMessage().contains("mutex"), u.getMessage());
        assertTrue(u.getMessage().contains("course-notes/06-mutex.md"), u.getMessage());
    }
}
