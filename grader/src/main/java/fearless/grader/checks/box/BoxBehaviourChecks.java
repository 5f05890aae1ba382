package fearless.grader.checks.box;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.api.ErrorCode;
import fearless.api.Unimplemented;
import fearless.api.ownership.Box;
import fearless.api.ownership.BoxProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Hung;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.property.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;

/** Example-based checks of one box at a time: what each method does, and what a dead handle does. */
@Exercise("box")
class BoxBehaviourChecks {

    /**
     * How long a drop action waits for another thread to look at the box being dropped, if that
     * thread neither finishes nor blocks (a reader that spins while the box drops). A reader that
     * blocks, as on a box whose close() holds its lock while dropping, ends the wait at once.
     */
    private static final Duration OBSERVER_PATIENCE = Duration.ofSeconds(1);

    /** How long the other thread may take to finish looking once the drop is over. */
    private static final Duration OBSERVER_TIMEOUT = Duration.ofSeconds(2);

    /** The values the drop action received, in order. */
    private final List<Object> drops = new ArrayList<>();

    private <T> Box<T> create(T value) {
        return create(value, drops::add);
    }

    private static <T> Box<T> create(T value, Consumer<? super T> drop) {
        return Submission.provider(BoxProvider.class).create(value, drop);
    }

    /** A failure the checks make on purpose, in a cloner or a drop action; recognised by identity. */
    private static final class Planted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Planted(String message) {
            super(message);
        }
    }

    /** What {@code call} threw, or {@code null} if it returned; a stub's "not yet implemented" fails the check. */
    private static Throwable thrownBy(Runnable call) {
        try {
            call.run();
            return null;
        } catch (Unimplemented stub) {
            throw stub;
        } catch (Throwable e) {
            return e;
        }
    }

    /** Fails unless {@code thrown} is {@code planted} itself, which {@code whose} code threw. */
    private static void requireSame(Planted planted, Throwable thrown, String call, String whose, String rule) {
        if (thrown != planted) {
            throw new AssertionFailedError(call + " must let " + whose + " exception through, the very same object, "
                    + "neither wrapped nor swallowed (" + rule + "); " + (thrown == null ? "it returned normally"
                    : "it threw " + Safely.describe(thrown) + " instead"));
        }
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

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O5", "O1"})
    void failing_cloner_keeps_the_owner() {
        String hello = new String("hello");
        Box<String> b = create(hello);
        Planted failure = new Planted("the cloner failed");
        requireSame(failure, thrownBy(() -> b.cloneWith(v -> {
            throw failure;
        })), "b.cloneWith(cloner) whose cloner throws", "the cloner's", "O5");
        assertTrue(b.isOwner(), "when the cloner throws, no clone was made and b keeps its value: b.isOwner() must "
                + "still be true (O5, O1)");
        assertSame(hello, Outcome.require("b.get() after a b.cloneWith(..) whose cloner threw", "O1", b::get),
                "when the cloner throws, b.get() must still return b's value (O5, O1)");
        assertEquals(List.of(), drops, "a clone that failed must drop nothing (O5, O3)");
        b.close();
        b.close();
        assertEquals(1, drops.size(), "after a failed clone, closing b (twice) must drop its value once (O3), not "
                + drops.size() + " times");
        assertSame(hello, drops.get(0), "closing b after a failed clone must drop b's own value (O3)");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O3", "O2"})
    void failing_drop_still_ends_the_owner() {
        Planted failure = new Planted("the drop action failed");
        AtomicInteger runs = new AtomicInteger();
        Box<String> b = create("hello", v -> {
            runs.incrementAndGet();
            throw failure;
        });
        requireSame(failure, thrownBy(b::close), "b.close() whose drop action throws", "the drop action's", "O3");
        assertEquals(1, runs.get(), "b.close() must run the drop action once (O3), not " + runs.get() + " times");
        assertFalse(b.isOwner(), "the drop action threw, but b was dropped all the same: b.isOwner() must be false "
                + "(O3). Mark the handle dead before running the drop action, and keep it dead if the action throws");
        dead("O2").verify("b.get() after a b.close() whose drop action threw", Outcome.of(b::get));
        dead("O2").verify("b.move() after a b.close() whose drop action threw", Outcome.of(b::move));
        Outcome.done().because("O3").verify("a second b.close() after the drop action threw", Outcome.ofRun(b::close));
        assertEquals(1, runs.get(), "a drop action runs once, even when it throws: a second b.close() must not run "
                + "it again (O3); it ran " + runs.get() + " times");
    }

    /**
     * The handle is dead before its drop action runs: looked at from inside the action, and from
     * another thread while the action runs, it owns nothing and every use is E0382. The other
     * thread's look is taken while the action waits for it, unless that thread blocks (a close()
     * that holds a lock while dropping is correct), in which case the action goes on and the look
     * comes after the drop.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O3", "O2"})
    void dead_before_the_drop_runs() {
        AtomicReference<Box<String>> self = new AtomicReference<>();
        AtomicInteger runs = new AtomicInteger();
        Outcome[] inside = new Outcome[3];
        Observer observer = new Observer();
        Box<String> b = create("hello", v -> {
            if (runs.incrementAndGet() > 1) {
                return; // dropped again from inside: counted, not followed any further
            }
            Box<String> box = self.get();
            inside[0] = Outcome.of(box::isOwner);
            inside[1] = Outcome.of(box::get);
            observer.lookWhileDropping(box);
            inside[2] = Outcome.ofRun(box::close);
        });
        self.set(b);
        Outcome.done().because("O3").verify("b.close()", Outcome.ofRun(b::close));
        whileDropping("b.isOwner() inside b's own drop action", Outcome.returned(false).because("O3"), inside[0]);
        whileDropping("b.get() inside b's own drop action", dead("O2"), inside[1]);
        whileDropping("b.close() inside b's own drop action", Outcome.done().because("O3"), inside[2]);
        assertEquals(1, runs.get(), "b.close() must run the drop action once, even when the action closes b again "
                + "(O3); it ran " + runs.get() + " times");
        observer.finish();
        whileDropping("b.isOwner() on another thread while b.close() ran the drop action",
                Outcome.returned(false).because("O3"), observer.isOwner);
        whileDropping("b.get() on another thread while b.close() ran the drop action", dead("O2"), observer.get);
    }

    private static void whileDropping(String call, Outcome expected, Outcome actual) {
        if (actual == null) {
            throw new AssertionFailedError(call + " was never made: b.close() did not run the drop action (O3)");
        }
        if (!expected.matches(actual)) {
            throw new AssertionFailedError(call + " should " + expected.asExpected() + " (" + expected.rule() + "), but "
                    + actual.asActual() + ". The handle must be dead before its drop action runs: mark it "
                    + "dropped first, then run the action.");
        }
    }

    /** Another thread that looks at a box while its drop action runs. */
    private static final class Observer {
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean looking;
        private volatile Outcome isOwner;
        private volatile Outcome get;
        private volatile Throwable failed;
        private Thread thread;

        /** Called from the drop action: starts the look and waits until it is over or the thread blocks. */
        void lookWhileDropping(Box<String> box) {
            Callable<Object> owner = box::isOwner;
            Callable<Object> value = box::get;
            thread = new Thread(() -> {
                try {
                    looking = true;
                    isOwner = Outcome.of(owner);
                    get = Outcome.of(value);
                } catch (Throwable e) {
                    failed = e;
                } finally {
                    done.countDown();
                }
            }, "observer");
            thread.setDaemon(true);
            thread.start();
            long deadline = System.nanoTime() + OBSERVER_PATIENCE.toNanos();
            try {
                while (!done.await(1, TimeUnit.MILLISECONDS)) {
                    Thread.State state = thread.getState();
                    boolean blocked = state == Thread.State.BLOCKED || state == Thread.State.WAITING
                            || state == Thread.State.TIMED_WAITING;
                    if ((looking && blocked) || System.nanoTime() - deadline > 0) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** After the drop: waits (bounded) for the look to be over. */
        void finish() {
            if (thread == null) {
                return;
            }
            try {
                if (!done.await(OBSERVER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new Hung("b.isOwner() or b.get() on another thread, called while b's drop action ran, "
                            + "had not returned " + OBSERVER_TIMEOUT.toMillis() + " ms after b.close() finished (O3)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Hung("interrupted while waiting for another thread's b.isOwner() and b.get()");
            }
            if (failed != null) {
                throw new AssertionFailedError("b.isOwner() or b.get() on another thread, called while b's drop action "
                        + "ran, threw " + Safely.describe(failed), failed);
            }
        }
    }

    /** {@code *b = v;}: the old value is dropped at once, and the box owns the new one, to its end. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O3"})
    void set_drops_the_old_value() {
        String first = new String("first");
        String second = new String("second");
        Box<String> b = create(first);
        Outcome.done().because("O3").verify("b.set(second) on a box of first", Outcome.ofRun(() -> b.set(second)));
        assertEquals(1, drops.size(), "b.set(second) must drop the old value at once, as *b = v; does in Rust (O3); "
                + "the drop action ran " + drops.size() + " times");
        assertSame(first, drops.get(0), "b.set(second) must drop the old value, first, not the new one (O3); it "
                + "dropped " + Outcome.show(drops.get(0)));
        assertTrue(b.isOwner(), "after b.set(second), b still owns a value: isOwner() must be true (O3)");
        assertSame(second, Outcome.require("b.get() after b.set(second)", "O3", b::get),
                "after b.set(second), b.get() must return second (O3)");
        Box<String> moved = Outcome.require("b.move() after b.set(second)", "O2", b::move);
        moved.close();
        assertEquals(2, drops.size(), "after b.set(second), moving b and closing the new owner must drop second, "
                + "once: two drops in all (O3), not " + drops.size());
        assertSame(second, drops.get(1), "after b.set(second), closing the owner must drop second (O3); it dropped "
                + Outcome.show(drops.get(1)));
    }

    /** {@code std::mem::replace}: the old value comes back, undropped; the box drops the new one at its end. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O3"})
    void replace_hands_the_old_value_back() {
        String first = new String("first");
        String second = new String("second");
        Box<String> b = create(first);
        assertSame(first, Outcome.require("b.replace(second) on a box of first", "O3", () -> b.replace(second)),
                "b.replace(second) must hand back the old value itself, first (O3)");
        assertEquals(List.of(), drops, "b.replace(second) must drop nothing: the old value is the caller's now, as "
                + "with std::mem::replace (O3)");
        assertTrue(b.isOwner(), "after b.replace(second), b still owns a value: isOwner() must be true (O3)");
        assertSame(second, Outcome.require("b.get() after b.replace(second)", "O3", b::get),
                "after b.replace(second), b.get() must return second (O3)");
        b.close();
        assertEquals(1, drops.size(), "closing b after b.replace(second) must drop once, second (O3), not "
                + drops.size() + " times");
        assertSame(second, drops.get(0), "closing b after b.replace(second) must drop second, the value it owns now "
                + "(O3); it dropped " + Outcome.show(drops.get(0)));
    }

    /** A dead handle takes no new value: set and replace are E0382, drop nothing, and leave it dead. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O2", "O3"})
    void assign_to_dead_handle() {
        Box<String> b1 = create("moved");
        Box<String> b2 = b1.move();
        dead("O2").verify("b1.set(\"late\") after Box b2 = b1.move()", Outcome.ofRun(() -> b1.set("late")));
        dead("O2").verify("b1.replace(\"late\") after Box b2 = b1.move()", Outcome.of(() -> b1.replace("late")));
        assertFalse(b1.isOwner(), "a refused set() or replace() must leave the moved-from b1 dead: b1.isOwner() must "
                + "be false (O2)");
        assertEquals(List.of(), drops, "set() on a moved-from handle must drop nothing: the value is b2's, and "
                + "\"late\" stays the caller's (O2, O3)");
        assertEquals("moved", Outcome.require("b2.get() after the refused b1.set(..)", "O2", b2::get),
                "a refused b1.set(..) must leave b2's value alone (O2)");
        Box<String> dropped = create("dropped");
        dropped.close();
        dead("O2").verify("b.set(\"late\") after b.close()", Outcome.ofRun(() -> dropped.set("late")));
        dead("O2").verify("b.replace(\"late\") after b.close()", Outcome.of(() -> dropped.replace("late")));
        dropped.close();
        b2.close();
        assertEquals(List.of("dropped", "moved"), drops, "after set() and replace() were refused on dead handles, "
                + "closing everything must drop each value once: [dropped, moved] (O2, O3)");
    }

    /**
     * The box holds the new value before the old one's drop action runs: seen from that action it
     * already does, and when the action throws, the exception comes out of {@code set} as it is
     * and the box keeps the new value (Rust writes it even when the old value's drop panics).
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"O3"})
    void set_with_failing_drop() {
        Planted failure = new Planted("the old value's drop failed");
        AtomicReference<Box<String>> self = new AtomicReference<>();
        Outcome[] inside = new Outcome[1];
        Box<String> b = create("old", v -> {
            drops.add(v);
            if ("old".equals(v) && inside[0] == null) {
                Box<String> box = self.get();
                inside[0] = Outcome.of(box::get);
                throw failure;
            }
        });
        self.set(b);
        requireSame(failure, thrownBy(() -> b.set("new")), "b.set(\"new\") whose drop action throws on the old value",
                "the drop action's", "O3");
        assertEquals(List.of("old"), drops, "b.set(\"new\") must run the drop action once, on the old value (O3)");
        Outcome expected = Outcome.returned("new").because("O3");
        if (!expected.matches(inside[0])) {
            throw new AssertionFailedError("b.get() inside the old value's drop action, run by b.set(\"new\"), should "
                    + expected.asExpected() + " (O3), but " + inside[0].asActual() + ". Put the new value in the box "
                    + "first, then drop the old one: the box must never hold a value that is being dropped");
        }
        assertTrue(b.isOwner(), "the old value's drop threw, but b owns \"new\" all the same: b.isOwner() must be "
                + "true (O3)");
        assertEquals("new", Outcome.require("b.get() after a b.set(\"new\") whose drop action threw", "O3", b::get),
                "the old value's drop threw, but b.set(\"new\") had put \"new\" in the box first, as Rust does: "
                        + "b.get() must return \"new\" (O3). Put the new value in, then drop the old one");
        b.close();
        assertEquals(List.of("old", "new"), drops, "closing b after the failed drop must drop \"new\", once; \"old\" "
                + "was dropped already (O3)");
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
