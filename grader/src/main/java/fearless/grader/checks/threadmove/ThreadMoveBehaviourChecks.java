package fearless.grader.checks.threadmove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.api.ErrorCode;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.ownership.Box;
import fearless.api.thread.JoinHandle;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.property.Outcome;
import fearless.grader.checks.kit.KitBoxes.Drop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.opentest4j.AssertionFailedError;

/**
 * Example-based checks of one move into a thread at a time, on the kit's own threads and boxes:
 * when the caller's handle dies, what the thread owns, where and when the value is dropped, and
 * what {@code join} gives back on every path.
 */
@Exercise("thread-move")
class ThreadMoveBehaviourChecks {

    private final Rig rig = new Rig();

    private static Outcome dead(String rule) {
        return Outcome.error(ErrorCode.E0382).because(rule);
    }

    /** Fails unless every use of {@code handle} is E0382. */
    private static void requireDead(Box<String> handle, String when, String rule) {
        assertFalse(handle.isOwner(), "the caller's handle must be dead " + when + ": isOwner() was still true ("
                + rule + ")");
        dead(rule).verify("v.get() " + when, Outcome.of(handle::get));
        dead(rule).verify("v.cloneWith(x -> x) " + when, Outcome.of(() -> handle.cloneWith(x -> x)));
        dead(rule).verify("v.replace(\"other\") " + when, Outcome.of(() -> handle.replace("other")));
        dead(rule).verify("v.set(\"other\") " + when, Outcome.ofRun(() -> handle.set("other")));
        dead(rule).verify("v.move() " + when, Outcome.of(handle::move));
    }

    /** Fails unless {@code outcome} is {@code Err(expected)}, that very object. */
    private static void requireErr(Object expected, Result<?, Object> outcome, String what, String rule) {
        if (!(outcome instanceof Result.Err<?, Object> err) || err.error() != expected) {
            throw new AssertionFailedError("join() must give Err(" + Safely.show(expected) + "), the very payload, "
                    + what + " (" + rule + "); it gave " + Rig.show(outcome));
        }
    }

    /** Fails unless {@code value} was dropped exactly once so far, on the thread {@code handle} started. */
    private void requireDroppedOnTheThread(Object value, String when, String rule) {
        List<Drop> drops = rig.dropsOf(value);
        if (drops.size() != 1) {
            throw new AssertionFailedError("the value moved into the thread must be dropped exactly once " + when
                    + " (" + rule + "); it was dropped " + drops.size() + " times\n" + rig.dropLog());
        }
        List<Thread> spawned = rig.threads.threads();
        Thread where = drops.get(0).thread();
        if (spawned.isEmpty() || where != spawned.get(spawned.size() - 1)) {
            throw new AssertionFailedError("the value moved into the thread belongs to it, so that thread must drop "
                    + "it, not the caller (T3, " + rule + "); it was dropped " + rig.where(drops.get(0)));
        }
    }

    @Graded(points = 3, category = Category.BEHAVIOUR, rules = {"T3", "O2"})
    void caller_handle_dead_before_spawn_returns() {
        String hello = Rig.value("hello");
        Box<String> v = rig.box(hello);
        JoinHandle<Integer> h;
        try {
            Rig.Held<JoinHandle<Integer>> held = rig.spawnHeld(() -> rig.spawner.spawn(v, mine -> mine.get().length()));
            h = held.result();
            if (held.stillHeld()) {
                requireDead(v, "after spawn(v, ..) returned, while the new thread had not started yet", "T3, O2");
                assertEquals(List.of(), rig.dropsOf(hello), "spawn must not drop the value on the caller: the "
                        + "thread owns it (T3)");
            } else {
                requireDead(v, "after spawn(v, ..) returned", "T3, O2");
            }
        } finally {
            rig.threads.releaseStarts();
        }
        Result<Integer, Object> joined = rig.join(h, "spawn(v, mine -> mine.get().length())");
        assertTrue(joined instanceof Result.Ok<Integer, Object> ok && Integer.valueOf(5).equals(ok.value()),
                () -> "join() must give Ok(5), the body's result (T2); it gave " + Rig.show(joined));
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T3", "O1"})
    void body_owns_the_moved_value() {
        String hello = Rig.value("hello");
        Box<String> v = rig.box(hello);
        AtomicReference<Box<String>> seen = new AtomicReference<>();
        AtomicReference<Outcome> owned = new AtomicReference<>();
        AtomicReference<Object> read = new AtomicReference<>();
        AtomicReference<Outcome> readFailed = new AtomicReference<>();
        JoinHandle<String> h;
        try {
            h = rig.spawnHeld(() -> rig.spawner.spawn(v, mine -> {
                seen.set(mine);
                owned.set(Outcome.of(mine::isOwner));
                try {
                    read.set(mine.get());
                } catch (RuntimeException e) {
                    readFailed.set(Outcome.threw(e));
                }
                return "done";
            })).result();
        } finally {
            rig.threads.releaseStarts();
        }
        Result<String, Object> joined = rig.join(h, "spawn(v, body)");
        if (seen.get() == null) {
            throw new AssertionFailedError("the body never ran: join() gave " + Rig.show(joined) + " (T1)");
        }
        if (seen.get() == v) {
            throw new AssertionFailedError("the body got the caller's own handle v, not a handle of its own: nothing "
                    + "was moved, so two threads share one owner (T3, O1). Move the value (v.move()) and hand the "
                    + "body the new handle.");
        }
        Outcome.returned(true).because("T3").verify("mine.isOwner() in the body", owned.get());
        if (readFailed.get() != null) {
            Outcome.returned(hello).because("T3").verify("mine.get() in the body: the thread owns the value until "
                    + "its body ends", readFailed.get());
        }
        assertSame(hello, read.get(), "mine.get() in the body must return the very value the caller moved (T3, O1)");
        Outcome.returned("done").because("T2").verify("h.join().unwrap()", Outcome.of(joined::unwrap));
    }

    @Graded(points = 3, category = Category.BEHAVIOUR, rules = {"T3", "O3"})
    void dropped_once_on_the_thread_before_join_returns() {
        String hello = Rig.value("hello");
        Box<String> v = rig.box(hello);
        JoinHandle<Integer> h = rig.spawner.spawn(v, mine -> mine.get().length());
        Result<Integer, Object> joined = rig.join(h, "spawn(v, mine -> mine.get().length())");
        Outcome.returned(5).because("T2").verify("h.join().unwrap()", Outcome.of(joined::unwrap));
        requireDroppedOnTheThread(hello, "by the time join() returns", "O3");
        v.close();
        if (rig.dropsOf(hello).size() != 1) {
            throw new AssertionFailedError("closing the caller's moved-from handle after join() dropped the value "
                    + "again: it had two owners, so the value was copied into the thread, not moved (O2, O3)\n"
                    + rig.dropLog());
        }
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T3", "T2", "O2"})
    void value_moved_on_comes_back_through_join() {
        String hello = Rig.value("hello");
        Box<String> v = rig.box(hello);
        JoinHandle<Box<String>> h = rig.spawner.spawn(v, mine -> mine.move());
        Result<Box<String>, Object> joined = rig.join(h, "spawn(v, mine -> mine.move())");
        if (!(joined instanceof Result.Ok<Box<String>, Object> ok) || ok.value() == null) {
            throw new AssertionFailedError("a body that returns mine.move() hands the value on: join() must give "
                    + "Ok(the moved box) (T2, O2); it gave " + Rig.show(joined));
        }
        assertEquals(List.of(), rig.dropsOf(hello), () -> "the body moved the value on, so the thread must not drop "
                + "it: closing a moved-from handle does nothing (O2, O3)\n" + rig.dropLog());
        Box<String> back = ok.value();
        assertSame(hello, Outcome.require("back.get() on the box join() gave back", "T3, O2", back::get),
                "the box join() gives back must own the very value that was moved into the thread (O2)");
        back.close();
        assertEquals(1, rig.dropsOf(hello).size(), () -> "the joiner owns the box it got back: closing it must "
                + "drop the value once (O3)\n" + rig.dropLog());
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T2", "O3"})
    void throwing_body_still_drops_on_the_thread() {
        String hello = Rig.value("hello");
        Box<String> v = rig.box(hello);
        Planted boom = new Planted("boom from the body");
        JoinHandle<Object> h = rig.spawner.spawn(v, mine -> {
            mine.get();
            throw boom;
        });
        Result<Object, Object> joined = rig.join(h, "spawn(v, mine -> { throw boom; })");
        requireErr(boom, joined, "when the body threw boom", "T2");
        requireDroppedOnTheThread(hello, "when the body throws: the thread still owns it, and ends", "O3");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T2", "O3"})
    void failing_drop_ends_the_thread_with_its_error() {
        String hello = Rig.value("hello");
        Planted dropFailed = new Planted("the drop action failed");
        Box<String> v = rig.boxes.create(hello, x -> {
            throw dropFailed;
        });
        JoinHandle<Integer> h = rig.spawner.spawn(v, mine -> mine.get().length());
        Result<Integer, Object> joined = rig.join(h, "spawn(v, mine -> mine.get().length())");
        requireErr(dropFailed, joined, "when the body returned and the drop action then threw: a drop that fails "
                + "ends the thread with that failure", "T2");
        assertEquals(1, rig.dropsOf(hello).size(), () -> "the value must be dropped once (O3)\n" + rig.dropLog());
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T2"})
    void body_failure_wins_over_drop_failure() {
        String hello = Rig.value("hello");
        Planted dropFailed = new Planted("the drop action failed");
        Box<String> v = rig.boxes.create(hello, x -> {
            throw dropFailed;
        });
        Object payload = Rig.value("the body's panic");
        JoinHandle<Object> h = rig.spawner.spawn(v, mine -> {
            throw new Panic("boom", payload);
        });
        Result<Object, Object> joined = rig.join(h, "spawn(v, mine -> { throw new Panic(\"boom\", payload); })");
        requireErr(payload, joined, "when the body panicked and then the drop action threw too: the body's panic "
                + "is what ended the thread, the drop's failure comes second (Java's try-with-resources keeps it as "
                + "a suppressed exception)", "T2");
        assertEquals(1, rig.dropsOf(hello).size(), () -> "the value must still be dropped once (O3)\n"
                + rig.dropLog());
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"O2", "T3"})
    void dead_value_starts_no_thread() {
        String moved = Rig.value("moved");
        Box<String> v = rig.box(moved);
        Box<String> elsewhere = v.move();
        AtomicBoolean ran = new AtomicBoolean();
        dead("O2").verify("spawner.spawn(v, body) after Box elsewhere = v.move()",
                Outcome.of(() -> rig.spawner.spawn(v, mine -> ran.getAndSet(true))));
        String dropped = Rig.value("dropped");
        Box<String> w = rig.box(dropped);
        w.close();
        dead("O2").verify("spawner.spawn(w, body) after w.close()",
                Outcome.of(() -> rig.spawner.spawn(w, mine -> ran.getAndSet(true))));
        assertEquals(0, rig.threads.spawnCount(), "spawning with a dead value is E0382 and must start no thread: "
                + rig.threads.spawnCount() + " were started (O2)");
        assertFalse(ran.get(), "the body ran, although its value was dead (O2)");
        assertTrue(elsewhere.isOwner(), "a failed spawn must not touch the value's real owner (O2)");
        assertEquals(List.of(), rig.dropsOf(moved), "a failed spawn must drop nothing (O3)");
    }

    @Graded(points = 3, category = Category.BEHAVIOUR, rules = {"T3", "O2", "O4"})
    void spawn_all_moves_every_value_in_order() {
        List<String> values = List.of(Rig.value("a"), Rig.value("b"), Rig.value("c"));
        List<Box<String>> callers = values.stream().map(rig::box).toList();
        List<Outcome> seen = new ArrayList<>();
        AtomicReference<List<Box<String>>> got = new AtomicReference<>();
        JoinHandle<String> h;
        try {
            h = rig.spawnHeld(() -> rig.spawner.spawnAll(callers, mine -> {
                got.set(List.copyOf(mine));
                for (Box<String> b : mine) {
                    seen.add(Outcome.of(b::get));
                }
                return "done";
            })).result();
            for (int i = 0; i < callers.size(); i++) {
                requireDead(callers.get(i), "after spawnAll(List.of(a, b, c), ..) returned (handle #" + i + ")",
                        "T3, O2");
            }
        } finally {
            rig.threads.releaseStarts();
        }
        Result<String, Object> joined = rig.join(h, "spawnAll(List.of(a, b, c), body)");
        Outcome.returned("done").because("T2").verify("h.join().unwrap()", Outcome.of(joined::unwrap));
        if (got.get() == null || got.get().size() != 3) {
            throw new AssertionFailedError("the body must get three handles, one per box, in order (T3); it got "
                    + (got.get() == null ? "nothing" : got.get().size() + " handles"));
        }
        for (int i = 0; i < 3; i++) {
            if (got.get().get(i) == callers.get(i)) {
                throw new AssertionFailedError("the body got the caller's own handle #" + i + ", not one of its own: "
                        + "nothing was moved (T3, O1)");
            }
            Outcome.returned(values.get(i)).because("T3").verify("mine.get(" + i + ").get() in the body",
                    seen.get(i));
        }
        List<Drop> drops = rig.boxes.drops();
        List<Object> order = drops.stream().map(Drop::value).toList();
        if (order.size() != 3 || order.get(0) != values.get(0) || order.get(1) != values.get(1)
                || order.get(2) != values.get(2)) {
            throw new AssertionFailedError("when the body ends, the thread drops its handles front to back, as Rust "
                    + "drops a Vec's elements: a, then b, then c (O4, T3)\n" + rig.dropLog());
        }
        for (Drop d : drops) {
            if (!rig.threads.isSpawnedThread(d.thread())) {
                throw new AssertionFailedError("the values moved into the thread belong to it: it must drop them "
                        + "itself (T3); " + Safely.show(d.value()) + " was dropped " + rig.where(d));
            }
        }
    }

    @Graded(points = 3, category = Category.BEHAVIOUR, rules = {"O2", "T3"})
    void spawn_all_is_all_or_nothing() {
        String a = Rig.value("a");
        String c = Rig.value("c");
        Box<String> boxA = rig.box(a);
        Box<String> dead = rig.box(Rig.value("dead"));
        Box<String> elsewhere = dead.move();
        Box<String> boxC = rig.box(c);
        dead("O2").verify("spawnAll(List.of(a, dead, c), body) where dead was moved before",
                Outcome.of(() -> rig.spawner.spawnAll(List.of(boxA, dead, boxC), mine -> "ran")));
        requireUntouched(boxA, a, "a", "spawnAll(List.of(a, dead, c), ..) failed");
        requireUntouched(boxC, c, "c", "spawnAll(List.of(a, dead, c), ..) failed");
        assertTrue(elsewhere.isOwner(), "a failed spawnAll must not touch the dead box's real owner (O2)");

        String b = Rig.value("b");
        Box<String> boxB = rig.box(b);
        dead("O2").verify("spawnAll(List.of(a, b, a), body): the same box twice, and a value cannot be moved twice",
                Outcome.of(() -> rig.spawner.spawnAll(List.of(boxA, boxB, boxA), mine -> "ran")));
        requireUntouched(boxA, a, "a", "spawnAll(List.of(a, b, a), ..) failed");
        requireUntouched(boxB, b, "b", "spawnAll(List.of(a, b, a), ..) failed");

        assertEquals(0, rig.threads.spawnCount(), "a spawnAll that is E0382 must start no thread: "
                + rig.threads.spawnCount() + " were started (O2)");
        assertEquals(List.of(), rig.boxes.drops(), () -> "a spawnAll that is E0382 must drop nothing (O2, O3)\n"
                + rig.dropLog());
    }

    private static void requireUntouched(Box<String> box, String value, String name, String when) {
        if (!box.isOwner()) {
            throw new AssertionFailedError("all or nothing: " + when + " with E0382, so nothing may be moved, but box "
                    + name + " no longer owns its value: it was moved before the failure was found (O2). Look at "
                    + "every handle before moving any.");
        }
        assertSame(value, Outcome.require(name + ".get() after " + when, "O2", box::get),
                "all or nothing: box " + name + " must still own its own value after " + when + " (O2)");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T1"})
    void threads_come_from_the_given_threads() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        JoinHandle<Integer> h = rig.spawner.spawn(rig.box(Rig.value("one")), mine -> {
            ranOn.set(Thread.currentThread());
            return 1;
        });
        rig.join(h, "spawn(v, body)");
        JoinHandle<Integer> all = rig.spawner.spawnAll(List.of(rig.box(Rig.value("x")), rig.box(Rig.value("y"))),
                mine -> {
                    ranOn.set(Thread.currentThread());
                    return 2;
                });
        rig.join(all, "spawnAll(List.of(x, y), body)");
        if (rig.threads.spawnCount() != 2 || ranOn.get() == null || !rig.threads.isSpawnedThread(ranOn.get())) {
            throw new AssertionFailedError("the spawner must start its threads through the Threads it was given, one "
                    + "per spawn (T1): the grader's Threads started " + rig.threads.spawnCount() + " threads for "
                    + "two spawns, and the last body ran on \"" + (ranOn.get() == null ? "no thread"
                    : ranOn.get().getName()) + "\"");
        }
    }
}
