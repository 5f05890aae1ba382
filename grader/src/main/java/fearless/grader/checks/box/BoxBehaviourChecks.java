package fearless.grader.checks.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.api.ErrorCode;
import fearless.api.ownership.Box;
import fearless.api.ownership.BoxProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.property.Outcome;
import java.util.ArrayList;
import java.util.List;

/** Example-based checks of one box at a time: what each method does, and what a dead handle does. */
@Exercise("box")
class BoxBehaviourChecks {

    /** The values the drop action received, in order. */
    private final List<Object> drops = new ArrayList<>();

    private <T> Box<T> create(T value) {
        return Submission.provider(BoxProvider.class).create(value, drops::add);
    }

    private static Outcome dead(String rule) {
        return Outcome.error(ErrorCode.E0382).because(rule);
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O1"})
    void get_returns_the_value() {
        String hello = new String("hello");
        Box<String> b = create(hello);
        assertSame(hello, b.get(), "get() must return the very value the box owns (O1)");
        assertSame(hello, Outcome.require("a second b.get()", "O1", b::get),
                "get() must not consume the value: a second get() returns it again (O1)");
        assertTrue(b.isOwner(), "a new box owns its value: isOwner() must be true (O1)");
        assertEquals(List.of(), drops, "nothing may be dropped before the box is closed (O3)");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O1", "O3"})
    void null_value() {
        Box<String> b = create(null);
        assertNull(b.get(), "a box may own null: get() must return null, not fail (O1)");
        Box<String> moved = Outcome.require("b.move() on a box of null", "O2", b::move);
        assertNull(Outcome.require("moved.get() after Box moved = b.move()", "O2", moved::get),
                "a moved box of null must still read null (O2)");
        moved.close();
        assertEquals(1, drops.size(), "closing a box of null must run the drop action once, with null (O3)");
        assertNull(drops.get(0), "the drop action of a box of null must receive null (O3)");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O2"})
    void move_transfers_ownership() {
        String hello = new String("hello");
        Box<String> b1 = create(hello);
        Box<String> b2 = Outcome.require("b1.move() on a new box", "O2", b1::move);
        assertNotSame(b1, b2, "move() must return a new handle, not the old one (O2)");
        assertSame(hello, Outcome.require("b2.get() after Box b2 = b1.move()", "O2", b2::get),
                "after Box b2 = b1.move(), b2.get() must return the moved value (O2)");
        dead("O2").verify("b1.get() after Box b2 = b1.move()", Outcome.of(b1::get));
        dead("O2").verify("b1.move() after Box b2 = b1.move()", Outcome.of(b1::move));
        dead("O2").verify("b1.cloneWith(v -> v) after Box b2 = b1.move()", Outcome.of(() -> b1.cloneWith(v -> v)));
        assertEquals(List.of(), drops, "moving a box must not drop its value (O2, O3)");
        assertSame(hello, Outcome.require("b2.move().get()", "O2", () -> b2.move().get()),
                "the new owner can move the value on (O2)");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O3"})
    void close_drops_exactly_once() {
        String hello = new String("hello");
        Box<String> b = create(hello);
        b.close();
        assertEquals(1, drops.size(), "close() must run the drop action exactly once (O3); it ran " + drops.size()
                + " times");
        assertSame(hello, drops.get(0), "the drop action must receive the owned value (O3)");
        assertFalse(b.isOwner(), "a closed box owns nothing: isOwner() must be false (O3)");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O3"})
    void close_twice_is_a_no_op() {
        Box<String> b = create("hello");
        b.close();
        Outcome.done().because("O3").verify("a second b.close()", Outcome.ofRun(b::close));
        b.close();
        assertEquals(1, drops.size(), "closing a box three times must drop its value once (O3), not "
                + drops.size() + " times");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O3"})
    void moved_from_close_never_drops() {
        Box<String> b1 = create("hello");
        Box<String> b2 = b1.move();
        Outcome.done().because("O3").verify("b1.close() after Box b2 = b1.move()", Outcome.ofRun(b1::close));
        assertEquals(List.of(), drops, "closing a moved-from box must not drop the value: its new owner still has it (O3)");
        assertEquals("hello", Outcome.require("b2.get() after the moved-from b1.close()", "O3", b2::get),
                "after the moved-from b1 is closed, b2.get() must still return the value (O3)");
        b2.close();
        b1.close();
        assertEquals(List.of("hello"), drops, "the value must be dropped once, by its last owner (O3)");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O2", "O3"})
    void use_after_drop() {
        Box<String> b = create("hello");
        b.close();
        dead("O2").verify("b.get() after b.close()", Outcome.of(b::get));
        dead("O2").verify("b.move() after b.close()", Outcome.of(b::move));
        dead("O2").verify("b.cloneWith(v -> v) after b.close()", Outcome.of(() -> b.cloneWith(v -> v)));
        assertEquals(1, drops.size(), "a dropped box must stay dropped: one drop in all (O3)");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O5"})
    void clone_is_independent() {
        List<String> original = new ArrayList<>(List.of("a"));
        Box<List<String>> b1 = create(original);
        Box<List<String>> b2 = Outcome.require("b1.cloneWith(ArrayList::new)", "O5", () -> b1.cloneWith(ArrayList::new));
        assertTrue(b1.isOwner(), "cloning must leave the original owner alive (O5)");
        List<String> copy = b2.get();
        assertNotSame(original, copy, "a clone must own the copy cloneWith made, not share the original (O5)");
        copy.add("b");
        assertEquals(List.of("a"), Outcome.require("b1.get() after Box b2 = b1.cloneWith(..)", "O5", b1::get),
                "changing the clone's copy must not change the original (O5)");
        b1.close();
        assertEquals(1, drops.size(), "closing the original must drop only the original (O5)");
        assertSame(original, drops.get(0), "closing the original must drop the original value (O5)");
        assertEquals(List.of("a", "b"), Outcome.require("b2.get() after the original b1.close()", "O5", b2::get),
                "the clone must stay alive after the original is dropped (O5)");
        b2.close();
        assertEquals(2, drops.size(), "an original and its clone make two drops (O5), not " + drops.size());
        assertSame(copy, drops.get(1), "closing the clone must drop the clone's copy (O5)");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O2", "O5"})
    void clone_of_dead_handle() {
        List<String> cloned = new ArrayList<>();
        Box<String> moved = create("moved");
        moved.move();
        dead("O2").verify("b.cloneWith(..) after b.move()", Outcome.of(() -> moved.cloneWith(v -> {
            cloned.add(v);
            return v;
        })));
        Box<String> dropped = create("dropped");
        dropped.close();
        dead("O2").verify("b.cloneWith(..) after b.close()", Outcome.of(() -> dropped.cloneWith(v -> {
            cloned.add(v);
            return v;
        })));
        assertEquals(List.of(), cloned, "a dead handle must not even call the cloner (O2)");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O1", "O2"})
    void is_owner() {
        Box<String> b1 = create("hello");
        assertTrue(b1.isOwner(), "a new box must own its value (O1)");
        Box<String> b2 = b1.move();
        assertFalse(b1.isOwner(), "after Box b2 = b1.move(), b1.isOwner() must be false (O1, O2)");
        assertTrue(b2.isOwner(), "after Box b2 = b1.move(), b2.isOwner() must be true (O1, O2)");
        Box<String> b3 = b2.cloneWith(v -> v + "'");
        assertTrue(b2.isOwner() && b3.isOwner(), "an original and its clone both own a value (O5)");
        b2.close();
        assertFalse(b2.isOwner(), "after b2.close(), b2.isOwner() must be false (O3)");
        assertTrue(b3.isOwner(), "closing the original must not end its clone (O5)");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O3"})
    void drop_receives_the_value() {
        String value = new String("hello");
        Box<String> b1 = create(value);
        Box<String> b3 = Outcome.require("b1.move().move()", "O2", () -> b1.move().move());
        b3.close();
        assertEquals(1, drops.size(), "closing the last owner must drop the value once (O3)");
        assertSame(value, drops.get(0), "the drop action must receive the value the box was created with, "
                + "even after moves (O3); it received " + Outcome.show(drops.get(0)));
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O3"})
    void try_with_resources_order() {
        try (Box<String> first = create("first"); Box<String> second = create("second");
                Box<String> third = first.move()) {
            assertEquals("first", Outcome.require("third.get() after Box third = first.move()", "O2", third::get),
                    "the moved value must be readable through the new owner (O2)");
            assertEquals("second", second.get(), "an untouched box must still read its value (O1)");
        }
        assertEquals(List.of("first", "second"), drops,
                "try-with-resources closes third (owns \"first\"), second, then first (moved from: no drop), "
                        + "so the drops must be [first, second] (O3)");
    }
}
