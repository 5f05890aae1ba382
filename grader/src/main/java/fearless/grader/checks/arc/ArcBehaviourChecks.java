package fearless.grader.checks.arc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.api.ErrorCode;
import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.sync.Arc;
import fearless.api.sync.ArcProvider;
import fearless.api.sync.Weak;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.property.Outcome;
import fearless.grader.check.race.Bounded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.opentest4j.AssertionFailedError;

/**
 * Example-based checks of Arc and Weak, most of them on one thread and ports of Rust's own tests
 * ({@code library/alloc/src/sync/tests.rs}: {@code test_ptr_eq}, {@code test_strong_count},
 * {@code test_weak_count}, {@code weak_counts}, {@code drop_arc}, {@code drop_arc_weak},
 * {@code test_live}, {@code test_dead}, {@code test_new_weak}, {@code weak_self_cyclic},
 * {@code try_unwrap}, {@code test_arc_get_mut}, {@code test_cowarc_clone_make_mut},
 * {@code test_cowarc_clone_unique2}, {@code test_cowarc_clone_weak}, and
 * {@code manually_share_arc}, on two threads one after the other), plus what the book's chapter
 * 15.6 says about cycles. Threads racing on one value are {@link ArcRaceChecks}' business.
 */
@Exercise("arc")
class ArcBehaviourChecks {

    /** The values the drop actions received, in order. */
    private final List<Object> drops = new ArrayList<>();

    private <T> Arc<T> create(T value) {
        return create(value, drops::add);
    }

    private static <T> Arc<T> create(T value, Consumer<? super T> drop) {
        return arcs().create(value, drop);
    }

    private static ArcProvider arcs() {
        return Submission.provider(ArcProvider.class);
    }

    private static Outcome dead(String rule) {
        return Outcome.error(ErrorCode.E0382).because(rule);
    }

    /** Fails unless {@code call} returns {@code expected}. */
    private static void expect(String call, Object expected, String rule, Callable<?> actual) {
        Outcome.returned(expected).because(rule).verify(call, Outcome.of(actual));
    }

    /** The strong reference {@code weak.upgrade()} must give; fails if it is empty. */
    private static <T> Arc<T> upgraded(String call, String rule, Weak<T> weak) {
        Optional<Arc<T>> up = Outcome.require(call, rule, weak::upgrade);
        if (up == null || up.isEmpty()) {
            throw new AssertionFailedError(call + " should give a strong reference while the value lives (" + rule
                    + "), but it returned " + (up == null ? "null" : "Optional.empty") + ".");
        }
        return up.get();
    }

    /** Fails unless {@code weak.upgrade()} is empty (closing what a wrong upgrade gave). */
    private static void noUpgrade(String call, String why, Weak<?> weak) {
        Optional<? extends Arc<?>> up = Outcome.require(call, "A5", weak::upgrade);
        if (up == null) {
            throw new AssertionFailedError(call + " should return Optional.empty (A5): " + why + "; but it returned "
                    + "null.");
        }
        if (up.isPresent()) {
            closeQuietly(up.get());
            throw new AssertionFailedError(call + " should return Optional.empty (A5): " + why + "; but it gave a "
                    + "strong reference.");
        }
    }

    /** Closes what a wrong call handed out, so it does not hide the verdict (its drop action may throw). */
    private static void closeQuietly(Arc<?> rc) {
        try {
            rc.close();
        } catch (Unimplemented stub) {
            throw stub;
        } catch (RuntimeException ignored) {
            // the check fails on what it saw already
        }
    }

    /** A value that holds references of its own, which its drop action drops, as Rust drops a struct's fields. */
    private static final class Node {
        final String name;
        Arc<Node> next;
        Weak<Node> back;

        Node(String name) {
            this.name = name;
        }

        /** Drops what the node holds, after logging its name: its fields drop with it. */
        static Consumer<Node> dropInto(List<Object> log) {
            return node -> {
                log.add(node.name);
                if (node.next != null) {
                    node.next.close();
                }
                if (node.back != null) {
                    node.back.close();
                }
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A failure the checks make on purpose, in a drop action; recognised by identity. */
    private static final class Planted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Planted(String message) {
            super(message);
        }
    }

    /** Port of {@code test_ptr_eq}, with clones that share one value rather than copies of it. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"A1"})
    void clones_share_one_value() {
        StringBuilder five = new StringBuilder("5");
        Arc<StringBuilder> x = create(five);
        assertSame(five, Outcome.require("x.get()", "A1", x::get),
                "x.get() must return the very value the Arc was created with (A1)");
        Arc<StringBuilder> y = Outcome.require("x.cloneArc()", "A1", x::cloneArc);
        assertSame(five, Outcome.require("y.get() after Arc y = x.cloneArc()", "A1", y::get),
                "a clone shares the value: after Arc y = x.cloneArc(), y.get() must return the very same object as "
                        + "x.get(), not a copy (A1)");
        x.get().replace(0, 1, "20");
        assertEquals("20", y.get().toString(), "a change made through x must be seen through its clone y (A1)");
        expect("x.ptrEq(y) after Arc y = x.cloneArc()", true, "A1", () -> x.ptrEq(y));
        expect("y.ptrEq(x) after Arc y = x.cloneArc()", true, "A1", () -> y.ptrEq(x));
        Arc<String> s = create(new String("same"));
        Arc<String> t = create(new String("same"));
        expect("s.ptrEq(t), s and t two Arcs of equal strings, s = create(new String(\"same\")), t = create(new "
                + "String(\"same\"))", false, "A1", () -> s.ptrEq(t));
        Arc<String> u = Outcome.require("s.cloneArc()", "A1", s::cloneArc);
        expect("s.ptrEq(u) after Arc u = s.cloneArc()", true, "A1", () -> s.ptrEq(u));
        assertEquals(List.of(), drops, "nothing may be dropped while strong references remain (A2)");
    }

    /**
     * Port of {@code manually_share_arc}: a clone moved to another thread reads the shared value
     * there and is closed there. Whichever thread closes the last handle runs the drop action, once:
     * first the main handle outlives the other thread's clone, then the other way round.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A1", "A2", "A6"})
    void manually_share_arc() {
        List<Integer> numbers = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Thread> dropper = new AtomicReference<>();
        Consumer<List<Integer>> drop = v -> {
            runs.incrementAndGet();
            dropper.set(Thread.currentThread());
        };
        Arc<List<Integer>> arcV = create(numbers, drop);
        Arc<List<Integer>> theirs = Outcome.require("arcV.cloneArc()", "A1", arcV::cloneArc);
        Object seen = onAnotherThread(() -> {
            Object fourth = theirs.get().get(3);
            theirs.close();
            return fourth;
        });
        assertEquals(4, seen, "a clone moved to another thread must read the shared value there: arcV[3] (A1)");
        assertEquals(0, runs.get(), "the other thread closed its clone, but arcV still owns the value: nothing may be "
                + "dropped yet (A2); the drop action ran " + runs.get() + " times");
        expect("arcV.get().get(2) after the other thread closed its clone", 3, "A2", () -> arcV.get().get(2));
        expect("arcV.strongCount() after the other thread closed its clone", 1, "A1", arcV::strongCount);
        arcV.close();
        assertEquals(1, runs.get(), "arcV.close(), the last strong reference, must run the drop action once (A2); it "
                + "ran " + runs.get() + " times");
        assertSame(Thread.currentThread(), dropper.get(), "the drop action must run on the thread that closed the "
                + "last handle (A2), here the main one");

        runs.set(0);
        Arc<List<Integer>> mine = create(numbers, drop);
        Arc<List<Integer>> last = Outcome.require("mine.cloneArc()", "A1", mine::cloneArc);
        mine.close();
        assertEquals(0, runs.get(), "after Arc last = mine.cloneArc(); mine.close(), last still owns the value: "
                + "nothing may be dropped yet (A2); the drop action ran " + runs.get() + " times");
        Thread[] other = new Thread[1];
        Object fifth = onAnotherThread(() -> {
            other[0] = Thread.currentThread();
            Object value = last.get().get(4);
            last.close();
            return value;
        });
        assertEquals(5, fifth, "the clone moved to another thread must read the shared value there (A1)");
        assertEquals(1, runs.get(), "the other thread closed the last strong reference: the drop action must have "
                + "run once (A2); it ran " + runs.get() + " times");
        assertSame(other[0], dropper.get(), "the drop action must run on the thread that closed the last handle (A2), "
                + "here the other thread, not " + (dropper.get() == null ? "none" : dropper.get().getName()));
    }

    /** Runs {@code body} on a thread of its own, bounded in time, and returns what it returned. */
    private static Object onAnotherThread(Callable<Object> body) {
        return Bounded.call("a clone used and closed on another thread did not finish (A6)",
                Duration.ofSeconds(5), body);
    }

    /** Port of {@code test_strong_count}. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A1", "A5"})
    void strong_count() {
        Arc<Integer> a = create(0);
        expect("a.strongCount() on a new Arc", 1, "A1", a::strongCount);
        Weak<Integer> w = Outcome.require("a.downgrade()", "A1", a::downgrade);
        expect("a.strongCount() after Weak w = a.downgrade()", 1, "A1", a::strongCount);
        Arc<Integer> b = upgraded("w.upgrade() while a lives", "A5", w);
        expect("b.strongCount() after Arc b = w.upgrade().get()", 2, "A1", b::strongCount);
        expect("a.strongCount() after Arc b = w.upgrade().get()", 2, "A1", a::strongCount);
        w.close();
        a.close();
        expect("b.strongCount() after w.close(); a.close()", 1, "A1", b::strongCount);
        Arc<Integer> c = Outcome.require("b.cloneArc()", "A1", b::cloneArc);
        expect("b.strongCount() after Arc c = b.cloneArc()", 2, "A1", b::strongCount);
        expect("c.strongCount() after Arc c = b.cloneArc()", 2, "A1", c::strongCount);
        assertEquals(List.of(), drops, "nothing may be dropped while a strong reference remains (A2)");
    }

    /** Ports of {@code test_weak_count} and {@code weak_counts}. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A1", "A5"})
    void weak_count() {
        Arc<Integer> a = create(0);
        expect("a.weakCount() on a new Arc", 0, "A1", a::weakCount);
        Weak<Integer> w = Outcome.require("a.downgrade()", "A1", a::downgrade);
        expect("a.strongCount() after Weak w = a.downgrade()", 1, "A1", a::strongCount);
        expect("a.weakCount() after Weak w = a.downgrade()", 1, "A1", a::weakCount);
        w.close();
        expect("a.weakCount() after w.close()", 0, "A1", a::weakCount);
        Arc<Integer> c = Outcome.require("a.cloneArc()", "A1", a::cloneArc);
        expect("a.strongCount() after Arc c = a.cloneArc()", 2, "A1", a::strongCount);
        expect("a.weakCount() after Arc c = a.cloneArc()", 0, "A1", a::weakCount);
        c.close();

        Weak<Integer> empty = arcs().newWeak();
        expect("newWeak().weakCount()", 0, "A5", empty::weakCount);
        expect("newWeak().strongCount()", 0, "A5", empty::strongCount);

        Weak<Integer> w1 = a.downgrade();
        expect("w1.strongCount() after Weak w1 = a.downgrade()", 1, "A1", w1::strongCount);
        expect("w1.weakCount() after Weak w1 = a.downgrade()", 1, "A1", w1::weakCount);
        Weak<Integer> w2 = Outcome.require("w1.cloneWeak()", "A1", w1::cloneWeak);
        expect("w1.weakCount() after Weak w2 = w1.cloneWeak()", 2, "A1", w1::weakCount);
        expect("w2.strongCount() after Weak w2 = w1.cloneWeak()", 1, "A1", w2::strongCount);
        expect("w2.weakCount() after Weak w2 = w1.cloneWeak()", 2, "A1", w2::weakCount);
        w1.close();
        expect("w2.weakCount() after w1.close()", 1, "A1", w2::weakCount);
        Arc<Integer> a2 = a.cloneArc();
        expect("w2.strongCount() after Arc a2 = a.cloneArc()", 2, "A1", w2::strongCount);
        a2.close();
        a.close();
        expect("w2.strongCount() after a2.close(); a.close(), the last strong references", 0, "A5", w2::strongCount);
        expect("w2.weakCount() after the last strong reference was closed (Rust's Weak::weak_count is 0 once no "
                + "strong reference remains)", 0, "A5", w2::weakCount);
        w2.close();
    }

    /** Port of {@code drop_arc}: the value is dropped at the last close, once, and not before. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A1", "A2"})
    void last_close_drops_once() {
        String five = new String("5");
        Arc<String> x = create(five);
        Arc<String> y = Outcome.require("x.cloneArc()", "A1", x::cloneArc);
        x.close();
        assertEquals(List.of(), drops, "after Arc y = x.cloneArc(); x.close(), y still holds the value: nothing may be "
                + "dropped yet (A2)");
        assertSame(five, Outcome.require("y.get() after x.close()", "A2", y::get),
                "after x.close(), y.get() must still return the value (A2)");
        y.close();
        assertEquals(1, drops.size(), "closing the last strong reference must run the drop action exactly once (A2), "
                + "but it ran " + drops.size() + " times");
        assertSame(five, drops.get(0), "the drop action must receive the shared value (A2)");
        y.close();
        x.close();
        assertEquals(1, drops.size(), "closing handles that are closed already must not drop the value again (A2); "
                + "the drop action ran " + drops.size() + " times");
    }

    /**
     * Port of {@code drop_arc_weak}: weak references do not keep the value; it drops at zero strong,
     * however many weak remain.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A2"})
    void weak_does_not_keep_the_value_alive() {
        Arc<String> x = create("x");
        Weak<String> w1 = Outcome.require("x.downgrade()", "A1", x::downgrade);
        Weak<String> w2 = Outcome.require("w1.cloneWeak()", "A1", w1::cloneWeak);
        x.close();
        assertEquals(List.of("x"), drops, "after Weak w1 = x.downgrade(); Weak w2 = w1.cloneWeak(); x.close(), the "
                + "last strong reference is gone: the value must be dropped now, though two weak references remain "
                + "(A2); dropped so far: " + Safely.show(drops));
        w1.close();
        w2.close();
        assertEquals(List.of("x"), drops, "closing the weak references must not drop the value again (A2); dropped so "
                + "far: " + Safely.show(drops));
    }

    /** Ports of {@code test_live}, {@code test_dead} and {@code test_new_weak}. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A5"})
    void upgrade_only_while_the_value_lives() {
        Arc<Integer> x = create(5);
        Weak<Integer> y = Outcome.require("x.downgrade()", "A1", x::downgrade);
        Arc<Integer> up = upgraded("y.upgrade() while x lives", "A5", y);
        expect("up.ptrEq(x), up = y.upgrade().get()", true, "A5", () -> up.ptrEq(x));
        expect("up.get()", 5, "A5", up::get);
        up.close();
        x.close();
        noUpgrade("y.upgrade() after x.close()", "the last strong reference was closed and the value dropped", y);
        expect("y.strongCount() after x.close()", 0, "A5", y::strongCount);
        Weak<Integer> nothing = arcs().newWeak();
        noUpgrade("newWeak().upgrade()", "a weak reference to nothing never upgrades", nothing);
        Weak<Integer> copy = Outcome.require("nothing.cloneWeak(), nothing = newWeak()", "A5", nothing::cloneWeak);
        noUpgrade("nothing.cloneWeak().upgrade(), nothing = newWeak()", "a clone of a weak reference to nothing "
                + "points at nothing too", copy);
    }

    /** Port of {@code weak_self_cyclic}: a value holding a weak reference to itself is dropped, once. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"A2"})
    void weak_self_cyclic() {
        Node cycle = new Node("cycle");
        Arc<Node> a = create(cycle, Node.dropInto(drops));
        Arc<Node> temporary = Outcome.require("a.cloneArc()", "A1", a::cloneArc);
        Weak<Node> b = Outcome.require("temporary.downgrade(), temporary = a.cloneArc()", "A1", temporary::downgrade);
        temporary.close();
        cycle.back = b;
        a.close();
        assertEquals(List.of("cycle"), drops, "a value whose only link to itself is a Weak must be dropped once when "
                + "its last strong reference is closed (A2); dropped so far: " + Safely.show(drops));
    }

    /** A2, A5: the strong count is zero before the drop action runs, so from inside it nothing upgrades. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"A2", "A5"})
    void drop_action_sees_no_strong_reference() {
        Node node = new Node("n");
        Outcome[] inside = new Outcome[3];
        AtomicInteger runs = new AtomicInteger();
        Arc<Node> a = create(node, v -> {
            if (runs.incrementAndGet() > 1) {
                return;
            }
            inside[0] = Outcome.of(() -> {
                Optional<Arc<Node>> up = v.back.upgrade();
                if (up == null || up.isEmpty()) {
                    return up == null ? null : Shown.EMPTY;
                }
                closeQuietly(up.get());
                return new Shown("a strong reference");
            });
            inside[1] = Outcome.of(v.back::strongCount);
            inside[2] = Outcome.of(v.back::weakCount);
        });
        node.back = Outcome.require("a.downgrade()", "A1", a::downgrade);
        a.close();
        if (inside[0] == null) {
            throw new AssertionFailedError("a.close() on the only strong reference must run the drop action (A2); "
                    + "it did not");
        }
        String why = ". Lower the strong count to zero first, then run the drop action.";
        inside(Outcome.returned(Shown.EMPTY).because("A5"), "w.upgrade() inside a's drop action", inside[0], why);
        inside(Outcome.returned(0).because("A5"), "w.strongCount() inside a's drop action", inside[1], why);
        inside(Outcome.returned(0).because("A5"), "w.weakCount() inside a's drop action", inside[2], why);
        assertEquals(1, runs.get(), "a.close() must run the drop action once (A2), not " + runs.get() + " times");
    }

    private static void inside(Outcome expected, String call, Outcome actual, String why) {
        if (!expected.matches(actual)) {
            throw new AssertionFailedError(call + " should " + expected.asExpected() + " (" + expected.rule()
                    + "), but " + actual.asActual() + why);
        }
    }

    /** Port of {@code try_unwrap}. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A3"})
    void try_unwrap() {
        Integer three = 3;
        Arc<Integer> x = create(three);
        Result<Integer, Arc<Integer>> r = Outcome.require("x.tryUnwrap()", "A3", x::tryUnwrap);
        if (!(r instanceof Result.Ok<Integer, Arc<Integer>> ok) || ok.value() != three) {
            throw new AssertionFailedError("x.tryUnwrap() on the only strong reference should return Ok(3) (A3), but "
                    + "it returned " + Safely.show(r) + ".");
        }
        assertEquals(List.of(), drops, "tryUnwrap() hands the value to the caller: its drop action must not run (A3)");

        Arc<Integer> four = create(4);
        Arc<Integer> other = Outcome.require("four.cloneArc()", "A1", four::cloneArc);
        Result<Integer, Arc<Integer>> e = Outcome.require("four.tryUnwrap() while Arc other = four.cloneArc() lives",
                "A3", four::tryUnwrap);
        if (!(e instanceof Result.Err<Integer, Arc<Integer>> err)) {
            throw new AssertionFailedError("four.tryUnwrap() while another strong reference lives should return Err "
                    + "with the same handle (A3), but it returned " + Safely.show(e) + ".");
        }
        assertSame(four, err.error(), "four.tryUnwrap() that fails must give back this very handle in the Err, "
                + "not a new one (A3)");
        expect("four.strongCount() after a failed four.tryUnwrap()", 2, "A3", four::strongCount);
        expect("four.get() after a failed four.tryUnwrap()", 4, "A3", four::get);
        other.close();
        four.close();
        assertEquals(List.of(4), drops, "after a failed tryUnwrap(), the handle still owns its share: closing both "
                + "handles must drop the value once (A3, A2); dropped so far: " + Safely.show(drops));

        Arc<Integer> five = create(5);
        Weak<Integer> w = Outcome.require("five.downgrade()", "A1", five::downgrade);
        Result<Integer, Arc<Integer>> withWeak = Outcome.require("five.tryUnwrap() while Weak w = five.downgrade() "
                + "lives", "A3", five::tryUnwrap);
        if (!(withWeak instanceof Result.Ok<Integer, Arc<Integer>> okWeak) || !Integer.valueOf(5).equals(okWeak.value())) {
            throw new AssertionFailedError("five.tryUnwrap() with one strong and one weak reference should return "
                    + "Ok(5) (A3): weak references do not count, but it returned " + Safely.show(withWeak) + ".");
        }
        w.close();
    }

    /** A3, A5: an unwrapped value is the caller's: weak references no longer reach it, and the handle is used up. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"A3", "A5"})
    void unwrapped_value_is_out_of_reach() {
        Arc<String> x = create("x");
        Weak<String> w = Outcome.require("x.downgrade()", "A1", x::downgrade);
        Result<String, Arc<String>> r = Outcome.require("x.tryUnwrap()", "A3", x::tryUnwrap);
        assertTrue(r != null && r.isOk(), "x.tryUnwrap() on the only strong reference should return Ok(\"x\") (A3), "
                + "but it returned " + Safely.show(r));
        noUpgrade("w.upgrade() after x.tryUnwrap() returned Ok", "the value was taken out, the strong count is zero", w);
        expect("w.strongCount() after x.tryUnwrap() returned Ok", 0, "A5", w::strongCount);
        expect("w.weakCount() after x.tryUnwrap() returned Ok", 0, "A5", w::weakCount);
        dead("A3").verify("x.get() after x.tryUnwrap() returned Ok", Outcome.of(x::get));
        dead("A3").verify("x.cloneArc() after x.tryUnwrap() returned Ok", Outcome.of(x::cloneArc));
        Outcome.done().because("A3").verify("x.close() after x.tryUnwrap() returned Ok", Outcome.ofRun(x::close));
        w.close();
        assertEquals(List.of(), drops, "a value taken out by tryUnwrap() is the caller's: closing the used-up handle "
                + "and the weak reference must not drop it (A3); dropped: " + Safely.show(drops));
    }

    /** Port of {@code test_arc_get_mut}. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A4"})
    void get_mut() {
        Arc<Integer> x = create(3);
        List<Integer> updated = new ArrayList<>();
        UnaryOperator<Integer> toFour = v -> {
            updated.add(v);
            return 4;
        };
        expect("x.getMut(v -> 4) on the only reference", true, "A4", () -> x.getMut(toFour));
        expect("x.get() after x.getMut(v -> 4)", 4, "A4", x::get);
        assertEquals(List.of(3), updated, "x.getMut(update) must call update once, with the old value (A4)");
        Arc<Integer> y = x.cloneArc();
        expect("x.getMut(..) while Arc y = x.cloneArc() lives", false, "A4", () -> x.getMut(toFour));
        y.close();
        expect("x.getMut(..) after y.close()", true, "A4", () -> x.getMut(v -> 5));
        Weak<Integer> w = x.downgrade();
        expect("x.getMut(..) while Weak w = x.downgrade() lives", false, "A4", () -> x.getMut(toFour));
        w.close();
        expect("x.getMut(..) after w.close()", true, "A4", () -> x.getMut(v -> v + 1));
        expect("x.get() after x.getMut(v -> v + 1)", 6, "A4", x::get);
        assertEquals(List.of(3), updated, "a getMut(update) that returns false must not call update (A4); update was "
                + "called with " + Safely.show(updated));
        x.close();
        assertEquals(List.of(6), drops, "the drop action must receive the value as getMut left it, once (A4, A2); "
                + "dropped: " + Safely.show(drops));
    }

    /**
     * Rust's {@code Arc::make_mut}, built from the submission's {@code getMut}, {@code tryUnwrap}
     * and {@code create}: change in place if unique; move the value out if only weak references
     * remain (they are cut off); clone it otherwise. Returns the handle that holds the change.
     */
    private Arc<Integer> makeMut(String name, Arc<Integer> rc, UnaryOperator<Integer> change) {
        int strong = Outcome.require(name + ".strongCount()", "A1", rc::strongCount);
        int weak = Outcome.require(name + ".weakCount()", "A1", rc::weakCount);
        String counts = " (strong count " + strong + ", weak count " + weak + ")";
        if (Outcome.require(name + ".getMut(..)" + counts, "A4", () -> rc.getMut(change))) {
            return rc;
        }
        Result<Integer, Arc<Integer>> taken = Outcome.require(name + ".tryUnwrap()" + counts, "A3", rc::tryUnwrap);
        if (taken instanceof Result.Ok<Integer, Arc<Integer>> ok) {
            if (strong != 1 || ok.value() == null) {
                throw new AssertionFailedError(name + ".tryUnwrap()" + counts + " should return " + (strong != 1
                        ? "Err with the same handle" : "Ok(value)") + " (A3), but it returned " + Safely.show(taken)
                        + ".");
            }
            return create(change.apply(ok.value()));
        }
        Integer copy = Outcome.require(name + ".get()", "A1", rc::get);
        if (copy == null) {
            throw new AssertionFailedError(name + ".get()" + counts + " should return the shared value (A1), but it "
                    + "returned null.");
        }
        rc.close();
        return create(change.apply(copy));
    }

    /** Ports of {@code test_cowarc_clone_make_mut}, {@code test_cowarc_clone_unique2} and {@code test_cowarc_clone_weak}. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A3", "A4", "A5"})
    void clone_on_write() {
        Arc<Integer> cow0 = create(75);
        Arc<Integer> cow1 = cow0.cloneArc();
        Arc<Integer> cow2 = cow1.cloneArc();
        cow0 = makeMut("cow0", cow0, v -> v + 1);
        cow1 = makeMut("cow1", cow1, v -> v + 2);
        cow2 = makeMut("cow2", cow2, v -> v + 3);
        String made = " (make_mut built on getMut, tryUnwrap and create, each on a clone of one Arc(75))";
        expect("cow0.get() after make_mut(cow0, +1)" + made, 76, "A4", cow0::get);
        expect("cow1.get() after make_mut(cow1, +2)" + made, 77, "A4", cow1::get);
        expect("cow2.get() after make_mut(cow2, +3)" + made, 78, "A4", cow2::get);
        Arc<Integer> c0 = cow0;
        Arc<Integer> c1 = cow1;
        Arc<Integer> c2 = cow2;
        expect("cow0.ptrEq(cow1) after each made its own copy", false, "A4", () -> c0.ptrEq(c1));
        expect("cow1.ptrEq(cow2) after each made its own copy", false, "A4", () -> c1.ptrEq(c2));
        c0.close();
        c1.close();
        c2.close();
        assertEquals(List.of(76, 77, 78), drops, "each copy must be dropped once, when its handle is closed; the "
                + "original 75 is never dropped by its drop action if its last handle unwrapped it (A2, A3); dropped: "
                + Safely.show(drops));
        drops.clear();

        Arc<Integer> u0 = create(75);
        Arc<Integer> u1 = u0.cloneArc();
        Arc<Integer> u2 = u1.cloneArc();
        u0 = makeMut("u0", u0, v -> v + 1);
        Arc<Integer> v0 = u0;
        expect("u0.get() after make_mut(u0, +1), u1 and u2 clones of the same Arc(75)", 76, "A4", v0::get);
        expect("u1.get(), which make_mut(u0, ..) must not have changed", 75, "A4", u1::get);
        expect("u1.ptrEq(u2): they still share the original", true, "A1", () -> u1.ptrEq(u2));
        expect("u0.ptrEq(u1) after make_mut(u0, ..) made a copy", false, "A4", () -> v0.ptrEq(u1));
        v0.close();
        u1.close();
        u2.close();
        drops.clear();

        Arc<Integer> cow = create(75);
        Weak<Integer> weak = cow.downgrade();
        Arc<Integer> peek = upgraded("weak.upgrade() while cow lives", "A5", weak);
        expect("weak.upgrade().get().get()", 75, "A5", peek::get);
        peek.close();
        cow = makeMut("cow", cow, v -> v + 1);
        expect("cow.get() after make_mut(cow, +1) with only a weak reference besides", 76, "A3", cow::get);
        noUpgrade("weak.upgrade() after make_mut(cow, +1)", "getMut must refuse while the weak reference lives, and "
                + "tryUnwrap then takes the value out of reach of every weak reference (A4, A3)", weak);
        cow.close();
        weak.close();
    }

    /** The book's chapter 15.6: a cycle of strong references leaks; a Weak back-link does not. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A2"})
    void strong_cycles_leak_weak_links_do_not() {
        Node nodeA = new Node("a");
        Node nodeB = new Node("b");
        Arc<Node> a = create(nodeA, Node.dropInto(drops));
        Arc<Node> b = create(nodeB, Node.dropInto(drops));
        Weak<Node> watchA = a.downgrade();
        nodeA.next = b.cloneArc();
        nodeB.next = a.cloneArc();
        b.close();
        a.close();
        assertEquals(List.of(), drops, "a and b hold strong references to each other: after b.close(); a.close() each "
                + "still has one strong reference, from the other, so nothing may be dropped: the cycle leaks, as in "
                + "Rust (A2); dropped: " + Safely.show(drops));
        expect("watchA.strongCount() after b.close(); a.close(), a and b in a strong cycle", 1, "A2",
                watchA::strongCount);
        Arc<Node> revived = upgraded("watchA.upgrade() on the leaked a", "A5", watchA);
        nodeB.next.close(); // break the cycle by hand: b's strong reference to a goes
        nodeB.next = null;
        revived.close();
        assertEquals(List.of("a", "b"), drops, "once the cycle is broken, closing the last strong reference to a must "
                + "drop a, and a's reference to b with it (A2); dropped: " + Safely.show(drops));
        watchA.close();
        drops.clear();

        Node parent = new Node("parent");
        Node child = new Node("child");
        Arc<Node> p = create(parent, Node.dropInto(drops));
        Arc<Node> c = create(child, Node.dropInto(drops));
        parent.next = c.cloneArc();
        child.back = p.downgrade();
        c.close();
        assertEquals(List.of(), drops, "the parent still holds the child: c.close() must not drop it (A2)");
        p.close();
        assertEquals(List.of("parent", "child"), drops, "the child points back at the parent through a Weak only, so "
                + "p.close() must drop the parent, and the parent's strong reference to the child with it, each once "
                + "(A2); dropped: " + Safely.show(drops));
    }

    /** Every use of a closed Arc, except close(), is E0382; as ptrEq's argument too. */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"A1"})
    void closed_arc_is_dead() {
        Arc<String> a = create("a");
        Arc<String> b = a.cloneArc();
        b.close();
        dead("A1").verify("b.get() after b.close()", Outcome.of(b::get));
        dead("A1").verify("b.cloneArc() after b.close()", Outcome.of(b::cloneArc));
        dead("A1").verify("b.downgrade() after b.close()", Outcome.of(b::downgrade));
        dead("A1").verify("b.strongCount() after b.close()", Outcome.of(b::strongCount));
        dead("A1").verify("b.weakCount() after b.close()", Outcome.of(b::weakCount));
        dead("A1").verify("b.ptrEq(a) after b.close()", Outcome.of(() -> b.ptrEq(a)));
        dead("A1").verify("a.ptrEq(b) after b.close()", Outcome.of(() -> a.ptrEq(b)));
        dead("A1").verify("b.tryUnwrap() after b.close()", Outcome.of(b::tryUnwrap));
        dead("A1").verify("b.getMut(v -> v) after b.close()", Outcome.of(() -> b.getMut(v -> v)));
        expect("a.strongCount() after b.close() and the failed uses of b", 1, "A1", a::strongCount);
        expect("a.weakCount() after b.close() and the failed uses of b", 0, "A1", a::weakCount);
        a.close();
        dead("A1").verify("a.get() after a.close(), the last strong reference", Outcome.of(a::get));
        assertEquals(List.of("a"), drops, "the value must be dropped once, by the last close (A2); dropped: "
                + Safely.show(drops));
    }

    /** Every use of a closed Weak, except close(), is E0382. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"A5"})
    void closed_weak_is_dead() {
        Arc<String> a = create("a");
        Weak<String> w = a.downgrade();
        w.close();
        dead("A5").verify("w.upgrade() after w.close()", Outcome.of(w::upgrade));
        dead("A5").verify("w.strongCount() after w.close()", Outcome.of(w::strongCount));
        dead("A5").verify("w.weakCount() after w.close()", Outcome.of(w::weakCount));
        dead("A5").verify("w.cloneWeak() after w.close()", Outcome.of(w::cloneWeak));
        expect("a.strongCount() after w.close() and the failed uses of w", 1, "A1", a::strongCount);
        expect("a.weakCount() after w.close() and the failed uses of w", 0, "A1", a::weakCount);
        a.close();
    }

    /** A1, A2: closing a handle twice lowers its count once. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"A1", "A2"})
    void closing_twice_counts_once() {
        Arc<String> a = create("a");
        Arc<String> b = a.cloneArc();
        b.close();
        Outcome.done().because("A1").verify("a second b.close()", Outcome.ofRun(b::close));
        expect("a.strongCount() after b.close(); b.close()", 1, "A1", a::strongCount);
        assertEquals(List.of(), drops, "b.close(); b.close() must lower the strong count once: a still holds the "
                + "value, nothing may be dropped (A1, A2); dropped: " + Safely.show(drops));
        Weak<String> w = a.downgrade();
        w.close();
        Outcome.done().because("A1").verify("a second w.close()", Outcome.ofRun(w::close));
        expect("a.weakCount() after w.close(); w.close()", 0, "A1", a::weakCount);
        a.close();
        a.close();
        assertEquals(List.of("a"), drops, "a.close(); a.close() must drop the value once (A2); dropped: "
                + Safely.show(drops));
    }

    /** An Arc may share null: it is a value like any other, dropped once. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"A2", "A5"})
    void null_value() {
        Arc<String> a = create(null);
        assertNull(Outcome.require("a.get() on an Arc of null", "A2", a::get), "an Arc may share null: get() must "
                + "return null (A2)");
        Weak<String> w = Outcome.require("a.downgrade() on an Arc of null", "A1", a::downgrade);
        Arc<String> up = upgraded("w.upgrade() while the Arc of null lives", "A5", w);
        assertNull(Outcome.require("up.get(), up = w.upgrade().get() on an Arc of null", "A5", up::get),
                "an upgraded reference to null must read null (A5)");
        up.close();
        a.close();
        assertEquals(1, drops.size(), "closing the last strong reference to null must run the drop action once, with "
                + "null (A2); it ran " + drops.size() + " times");
        assertNull(drops.get(0), "the drop action of an Arc of null must receive null (A2)");
        noUpgrade("w.upgrade() after the Arc of null was dropped", "the value was dropped", w);
        w.close();
        Arc<String> n = create(null);
        Result<String, Arc<String>> r = Outcome.require("n.tryUnwrap() on the only Arc of null", "A3", n::tryUnwrap);
        assertTrue(r instanceof Result.Ok<String, Arc<String>> ok && ok.value() == null, "n.tryUnwrap() on the only "
                + "Arc of null should return Ok(null) (A3), but it returned " + Safely.show(r));
    }

    /** A2: a drop action that throws still ends the value: the count stays at zero and nothing runs twice. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"A2"})
    void failing_drop_still_drops() {
        Planted failure = new Planted("the drop action failed");
        AtomicInteger runs = new AtomicInteger();
        Arc<String> a = create("a", v -> {
            runs.incrementAndGet();
            throw failure;
        });
        Weak<String> w = a.downgrade();
        Throwable thrown = null;
        try {
            a.close();
        } catch (Unimplemented stub) {
            throw stub;
        } catch (Throwable e) {
            thrown = e;
        }
        if (thrown != failure) {
            throw new AssertionFailedError("a.close() whose drop action throws must let that very exception through, "
                    + "neither wrapped nor swallowed (A2); " + (thrown == null ? "it returned normally"
                    : "it threw " + Safely.describe(thrown) + " instead"));
        }
        assertEquals(1, runs.get(), "a.close() must run the drop action once (A2), not " + runs.get() + " times");
        noUpgrade("w.upgrade() after a.close() whose drop action threw", "the value was dropped all the same", w);
        expect("w.strongCount() after a.close() whose drop action threw", 0, "A2", w::strongCount);
        dead("A1").verify("a.get() after a.close() whose drop action threw", Outcome.of(a::get));
        Outcome.done().because("A2").verify("a second a.close() after the drop action threw", Outcome.ofRun(a::close));
        assertEquals(1, runs.get(), "a drop action runs once, even when it throws: a second a.close() must not run it "
                + "again (A2); it ran " + runs.get() + " times");
        w.close();
    }
}
