package fearless.grader.check.property;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import fearless.api.Unimplemented;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class StatefulPropertyTest {

    /** The system: a counter, correct or capped at four (a bug that needs five increments to show). */
    static class Counter {
        final boolean capped;
        int value;

        Counter(boolean capped) {
            this.capped = capped;
        }

        void increment() {
            if (!capped || value < 4) {
                value++;
            }
        }

        int get() {
            return value;
        }
    }

    /** A stub: every method throws, like the exercises' starters. */
    static final class StubCounter extends Counter {
        StubCounter() {
            super(false);
        }

        @Override
        void increment() {
            throw new Unimplemented("counter", "course-notes/00-counter.md");
        }

        @Override
        int get() {
            throw new Unimplemented("counter", "course-notes/00-counter.md");
        }
    }

    /** The model: an int. */
    static final class Count {
        int value;
    }

    record Increment() implements Op<Counter, Count> {
        @Override
        public String describe(Count model) {
            return "c.increment()";
        }

        @Override
        public Outcome expect(Count model) {
            model.value++;
            return Outcome.done();
        }

        @Override
        public Outcome run(Counter system) {
            system.increment();
            return Outcome.done();
        }
    }

    record Read() implements Op<Counter, Count> {
        @Override
        public String describe(Count model) {
            return "c.get()";
        }

        @Override
        public Outcome expect(Count model) {
            return Outcome.returned(model.value).because("C9");
        }

        @Override
        public Outcome run(Counter system) {
            return Outcome.returned(system.get());
        }
    }

    private static final Gen<List<Op<Counter, Count>>> SEQUENCES = lists()
            .of(integers().between(0, 3).map(k -> k == 0 ? (Op<Counter, Count>) new Read() : new Increment()))
            .ofSizeBetween(20, 40);

    @Test
    void passes_a_correct_system() {
        assertDoesNotThrow(() -> StatefulProperty.of("counter", () -> new Counter(false), Count::new, SEQUENCES)
                .check(1L, 1L));
    }

    @Test
    void reports_the_minimal_six_steps_of_a_long_failing_sequence() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> StatefulProperty.of("counter", () -> new Counter(true), Count::new, SEQUENCES).check(7L, 7L));
        String[] lines = failure.getMessage().split("\n");
        assertEquals("the counter broke C9 at step 6: c.get() should return 5, but it returned 4.", lines[0]);
        assertTrue(lines[1].startsWith("Minimized sequence (6 steps, from "), lines[1]);
        for (int step = 1; step <= 5; step++) {
            assertEquals("  " + step + ". c.increment()", lines[step + 1]);
        }
        assertEquals("  6. c.get()  -> expected 5, got 4", lines[7]);
        assertTrue(lines[8].startsWith("Seed: 7 "), lines[8]);
    }

    @Test
    void same_seed_same_feedback() {
        StatefulProperty<Counter, Count> property = StatefulProperty.of("counter", () -> new Counter(true),
                Count::new, SEQUENCES);
        String first = assertThrows(AssertionError.class, () -> property.check(3L, 3L)).getMessage();
        String second = assertThrows(AssertionError.class, () -> property.check(3L, 3L)).getMessage();
        assertEquals(first, second);
    }

    @Test
    void a_stub_fails_at_its_first_call_with_not_yet_implemented() {
        AtomicInteger systems = new AtomicInteger();
        AssertionError failure = assertThrows(AssertionError.class, () -> StatefulProperty.of("counter", () -> {
            systems.incrementAndGet();
            return new StubCounter();
        }, Count::new, SEQUENCES).check(1L, 1L));
        assertTrue(failure.getMessage().startsWith("not yet implemented: exercise 'counter'"), failure.getMessage());
        assertEquals(1, systems.get(), "a stub must stop the property at the first example");
    }
}
