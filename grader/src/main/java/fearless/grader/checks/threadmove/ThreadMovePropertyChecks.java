package fearless.grader.checks.threadmove;

import fearless.api.ErrorCode;
import fearless.api.OwnershipError;
import fearless.api.Result;
import fearless.api.Unimplemented;
import fearless.api.ownership.Box;
import fearless.api.thread.JoinHandle;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.Seeds;
import fearless.grader.checks.kit.KitBoxes.Drop;
import fearless.grader.checks.threadmove.MoveCase.Start;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.opentest4j.AssertionFailedError;

/**
 * Generated moves into threads against a model that is a few lines of bookkeeping: which caller
 * handles die, whether a thread starts, what {@code join} gives, and every drop in order with the
 * thread that ran it. Cases grow from one box to four, so the first failing case is a small one.
 */
@Exercise("thread-move")
class ThreadMovePropertyChecks {

    private static final String CHECK = "thread-move/spawn_all_model";
    private static final int CASES = 160;

    /** One drop as the model speaks of it: the box whose value it was, and whether the spawned thread ran it. */
    private record Seen(int box, String where) {
        @Override
        public String toString() {
            return "b" + box + "'s value " + where;
        }
    }

    private static final String THREAD = "on the spawned thread";
    private static final String HERE = "by the check's closing it";

    @Graded(points = 4, category = Category.PROPERTY, rules = {"T3", "O2", "O3", "O4"})
    void spawn_all_model() {
        Random random = new Random(Seeds.forCheck(CHECK));
        Rig last = null;
        for (int k = 0; k < CASES; k++) {
            MoveCase c = MoveCase.generate(random, 1 + k * 4 / CASES);
            Rig rig = new Rig(last);
            last = rig;
            String problem = run(rig, c);
            if (problem != null) {
                throw new AssertionFailedError(problem + "\nthe case (" + (k + 1) + " of " + CASES + "):\n" + c.asJava()
                        + "\n(seed " + Seeds.seed() + ": rerun with --seed " + Seeds.seed() + " to get the same cases)");
            }
        }
    }

    /** Plays {@code c} on a fresh rig; what went wrong, or null. */
    private static String run(Rig rig, MoveCase c) {
        int n = c.boxes().size();
        List<String> values = new ArrayList<>();
        List<Box<String>> callers = new ArrayList<>();
        List<Box<String>> away = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String value = Rig.value(c.texts().get(i));
            values.add(value);
            Box<String> b = rig.box(value);
            callers.add(b);
            away.add(c.boxes().get(i) == Start.MOVED ? b.move() : null);
            if (c.boxes().get(i) == Start.CLOSED) {
                b.close();
            }
        }
        int before = rig.boxes.drops().size();
        Planted boom = new Planted("boom");
        List<Box<String>> listed = c.listed().stream().map(callers::get).toList();
        JoinHandle<List<Box<String>>> h;
        Throwable failed = null;
        List<Integer> deadAfter = new ArrayList<>();
        try {
            try {
                h = rig.<JoinHandle<List<Box<String>>>>spawnHeld(() -> c.single() ? rig.spawner.spawn(listed.get(0), mine -> {
                    if (c.bodyThrows()) {
                        throw boom;
                    }
                    return c.movedOn().isEmpty() ? List.of() : List.of(mine.move());
                }) : rig.spawner.spawnAll(listed, mine -> {
                    if (c.bodyThrows()) {
                        throw boom;
                    }
                    List<Box<String>> out = new ArrayList<>();
                    for (int p : c.movedOn()) {
                        out.add(mine.get(p).move());
                    }
                    return out;
                })).result();
            } catch (Unimplemented stub) {
                throw stub;
            } catch (RuntimeException e) {
                h = null;
                failed = e;
            }
            for (int i = 0; i < n; i++) {
                if (!callers.get(i).isOwner()) {
                    deadAfter.add(i);
                }
            }
        } finally {
            rig.threads.releaseStarts();
        }
        String call = c.single() ? "spawn" : "spawnAll";
        List<Integer> deadBefore = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (c.boxes().get(i) != Start.LIVE || c.valid() && c.listed().contains(i)) {
                deadBefore.add(i);
            }
        }
        if (!c.valid()) {
            if (!(failed instanceof OwnershipError e && e.code() == ErrorCode.E0382)) {
                return call + " with " + (c.listed().stream().distinct().count() < c.listed().size()
                        ? "the same box twice" : "a dead box") + " must be E0382, all or nothing (O2); it "
                        + (failed == null ? "returned a JoinHandle" : "threw " + Safely.describe(failed));
            }
            if (rig.threads.spawnCount() != 0) {
                return "a " + call + " that is E0382 must start no thread; it started " + rig.threads.spawnCount()
                        + " (O2)";
            }
        } else {
            if (failed != null) {
                return call + " with live, distinct boxes must succeed (T3); it threw " + Safely.describe(failed);
            }
            if (rig.threads.spawnCount() != 1) {
                return "one " + call + " must start exactly one thread, through the Threads it was given; the grader's "
                        + "Threads started " + rig.threads.spawnCount() + " (T1)";
            }
        }
        if (!deadAfter.equals(deadBefore)) {
            return "right after " + call + " returned (before the thread ran), the dead caller handles were "
                    + names(deadAfter) + ", but they must be " + names(deadBefore) + (c.valid()
                    ? ": every box handed to the thread is moved before " + call + " returns (T3, O2)"
                    : ": a failed " + call + " moves nothing (O2)");
        }
        List<Box<String>> back = List.of();
        if (h != null) {
            Result<List<Box<String>>, Object> joined = rig.join(h, call);
            if (c.bodyThrows()) {
                if (!(joined instanceof Result.Err<?, ?> err) || err.error() != boom) {
                    return "the body threw boom, so join() must give Err(boom) (T2); it gave " + Rig.show(joined);
                }
            } else if (!(joined instanceof Result.Ok<List<Box<String>>, Object> ok) || ok.value() == null) {
                return "join() must give Ok(the boxes the body moved on) (T2); it gave " + Rig.show(joined);
            } else {
                back = ok.value();
            }
        }
        List<Seen> expected = new ArrayList<>();
        if (c.valid()) {
            for (int p = 0; p < c.listed().size(); p++) {
                if (!c.movedOn().contains(p)) {
                    expected.add(new Seen(c.listed().get(p), THREAD));
                }
            }
        }
        String byThread = compare(rig, values, before, expected, "by the time join() returned");
        if (byThread != null) {
            return byThread;
        }
        for (Box<String> b : back) {
            b.close();
        }
        for (Box<String> b : callers) {
            b.close();
        }
        for (Box<String> b : away) {
            if (b != null) {
                b.close();
            }
        }
        if (c.valid()) {
            for (int p : c.movedOn()) {
                expected.add(new Seen(c.listed().get(p), HERE));
            }
        }
        for (int i = 0; i < n; i++) {
            if (c.boxes().get(i) == Start.LIVE && !(c.valid() && c.listed().contains(i))) {
                expected.add(new Seen(i, HERE));
            }
        }
        for (int i = 0; i < n; i++) {
            if (c.boxes().get(i) == Start.MOVED) {
                expected.add(new Seen(i, HERE));
            }
        }
        return compare(rig, values, before, expected, "after the check closed every handle it holds");
    }

    /** The drops since {@code before} against {@code expected}; what differs, or null. */
    private static String compare(Rig rig, List<String> values, int before, List<Seen> expected, String when) {
        List<Drop> drops = rig.boxes.drops();
        List<Object> actual = new ArrayList<>();
        for (Drop d : drops.subList(before, drops.size())) {
            int box = -1;
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == d.value()) {
                    box = i;
                }
            }
            String where = rig.threads.isSpawnedThread(d.thread()) ? THREAD : d.thread() == Thread.currentThread()
                    ? HERE : "on thread \"" + d.thread().getName() + "\"";
            actual.add(box < 0 ? Safely.show(d.value()) + " " + where : new Seen(box, where));
        }
        if (!actual.equals(expected)) {
            return "the drops " + when + " differ from Rust's (T3, O3, O4): each value is dropped exactly once, by "
                    + "its owner; the thread drops what it still owns, front to back, when its body ends\n"
                    + "  expected: " + expected + "\n  actual:   " + actual;
        }
        return null;
    }

    private static String names(List<Integer> boxes) {
        return boxes.isEmpty() ? "none" : boxes.stream().map(i -> "b" + i).toList().toString();
    }
}
