package fearless.grader.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExerciseNamesTest {

    private static ExerciseNames named(String id) {
        return new ExerciseNames(id, "capstones", id, id.replace("-", ""), "capstones", "course-notes/10-capstones.md");
    }

    @Test
    void the_provider_class_is_the_plural_of_the_implementation() {
        assertEquals("BasicRwLock", named("rw-lock").implementation());
        assertEquals("BasicRwLocks", named("rw-lock").providerImplementation());
        assertEquals("fearless.api.capstones.RwLockProvider", named("rw-lock").provider());
    }

    @Test
    void a_name_that_is_a_plural_already_gets_a_provider_suffix_not_a_second_s() {
        assertEquals("BasicDiningPhilosophersProvider", named("dining-philosophers").providerImplementation());
        assertEquals("BasicDiningPhilosophersProvider", named("dining-philosophers").placeholders().get("Impls"));
    }
}
