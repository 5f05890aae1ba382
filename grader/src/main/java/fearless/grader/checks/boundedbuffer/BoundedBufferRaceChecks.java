package fearless.grader.checks.boundedbuffer;

import static fearless.grader.checks.boundedbuffer.Buffers.check;

import fearless.api.sync.BoundedBuffer;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.Seeds;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.Stress;
import fearless.grader.check.race.WatchedCall;
import fearless.grader.checks.kit.KitCondvar;
import fearless.grader.checks.kit.KitCondvars;
import fearless.grader.checks.kit.KitMutex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The buffer in the kit's adversarial environment. Its condvar wakes waits without a notification
 * (the first wait on each condvar, then one in two as the check's seed draws), so a wait that is
 * an {@code if} instead of a loop goes on with its condition false in every run; its
 * {@code notifyOne} wakes a waiter of the notifier's own kind when there is one, and it can hold a
 * woken waiter, so one condvar shared by producers and consumers loses the wake-up a producer
 * needed, in every run, by construction. Then many producers and consumers at once, which must
 * lose and duplicate nothing.
 */
@Exercise("bounded-buffer")
class BoundedBufferRaceChecks {

    private static final String STRESS = "bounded-buffer/many_producers_and_consumers";

    @Graded(points = 2, category = Category.RACE, rules = {"C2"})
    void spurious_wakeup_in_put() throws InterruptedException {
        Buffers.requireImplemented();
        KitCondvars condvars = new KitCondvars().spuriousWakeups(Seeds.forCheck("bounded-buffer/spurious_wakeup_in_put"));
        Buffers.Setup<String> s = Buffers.fresh(2, condvars);
        BoundedBuffer<String> b = s.buffer();
        Buffers.put(b, "a", "C2");
        Buffers.put(b, "b", "C2");
        WatchedCall<Void> p = WatchedCall.startAction("producer-1", () -> b.put("c"));
        Duration prompt = Patience.prompt();
        boolean waits = p.staysWaiting(prompt);
        if (p.isDone()) {
            p.requireNoFailure("put(\"c\") on a full buffer, woken without a notification", "C2");
            Integer size = Buffers.prompt("checker", "size()", "C2", b::size);
            check(false, () -> "put(\"c\") on a full buffer of capacity 2 returned after a spurious wake-up, and size() "
                    + "is now " + size + ": a wait may end without a notification, so wait in a loop, while the "
                    + "buffer is full, not with if (C2). The kit's condvar woke the put's wait without a "
                    + "notification " + spurious(condvars) + " time(s).");
        }
        check(waits, () -> "put(\"c\") on a full buffer of capacity 2 neither returned nor waited (C2)");
        Buffers.take(b, "a", "put(a), put(b), then put(c) waiting on the full buffer", "C2");
        check(p.awaitDone(prompt), () -> "a take made room, but the put(\"c\") waiting on the full buffer was not "
                + "woken (C1, C2)");
        p.abandon();
        p.requireNoFailure("put(\"c\") after a take made room", "C2");
        Buffers.take(b, "b", "after put(c) waited through spurious wake-ups and went in", "C2");
        Buffers.take(b, "c", "after put(c) waited through spurious wake-ups and went in", "C2");
    }

    @Graded(points = 2, category = Category.RACE, rules = {"C2"})
    void spurious_wakeup_in_take() throws InterruptedException {
        Buffers.requireImplemented();
        KitCondvars condvars = new KitCondvars().spuriousWakeups(Seeds.forCheck("bounded-buffer/spurious_wakeup_in_take"));
        Buffers.Setup<String> s = Buffers.fresh(2, condvars);
        BoundedBuffer<String> b = s.buffer();
        WatchedCall<String> c = WatchedCall.start("consumer-1", b::take);
        Duration prompt = Patience.prompt();
        boolean waits = c.staysWaiting(prompt);
        if (c.isDone()) {
            String got = c.result("take() on an empty buffer, woken without a notification");
            check(false, () -> "take() on an empty buffer returned " + Safely.show(got) + " after a spurious wake-up: "
                    + "a wait may end without a notification, so wait in a loop, while the buffer is empty, not "
                    + "with if (C2). The kit's condvar woke the take's wait without a notification "
                    + spurious(condvars) + " time(s).");
        }
        check(waits, () -> "take() on an empty buffer neither returned nor waited (C2)");
        Buffers.put(b, "x", "C2");
        check(c.awaitDone(prompt), () -> "put(\"x\") filled the empty buffer, but the take() waiting for it was not "
                + "woken (C1, C2)");
        c.abandon();
        String got = c.result("take() after a put");
        check("x".equals(got), () -> "take() waited through spurious wake-ups, then put(\"x\") came, and the take "
                + "returned " + Safely.show(got) + ", expected \"x\" (C2)");
    }

    /**
     * Two takes wait on an empty buffer of capacity 1; a producer puts two items. Its first put
     * wakes the first taker, which the kit holds until the producer's second put waits for room;
     * then the taker takes and notifies once. The kit's {@code notifyOne} wakes a thread of the
     * notifier's kind when one waits: on a condvar shared by producers and consumers, that is the
     * second taker, which finds nothing and waits again, and the producer waits for ever. A
     * condvar for each kind of waiter (or notifying all) wakes the producer.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"C1", "C4"})
    void wakes_a_thread_that_can_proceed() throws InterruptedException {
        Buffers.requireImplemented();
        KitCondvars condvars = new KitCondvars().adversarialNotify();
        Buffers.Setup<String> s = Buffers.fresh(1, condvars);
        BoundedBuffer<String> b = s.buffer();
        Duration prompt = Patience.prompt();
        WatchedCall<String> c1 = WatchedCall.start("consumer-1", b::take);
        requireWaiting(c1, condvars, "take() on an empty buffer", prompt);
        WatchedCall<String> c2 = WatchedCall.start("consumer-2", b::take);
        requireWaiting(c2, condvars, "a second take() on an empty buffer", prompt);
        condvars.holdWakeups();
        WatchedCall<Void> p = WatchedCall.startAction("producer-1", () -> {
            b.put("a");
            b.put("b");
        });
        try {
            requireWaiting(p, condvars, "put(\"a\") then put(\"b\") into a buffer of capacity 1 whose takers were "
                    + "woken but not yet run: the second put", prompt);
        } finally {
            condvars.releaseWakeups();
        }
        boolean done = c1.awaitDone(prompt) & p.awaitDone(prompt) & c2.awaitDone(prompt);
        String state = waiters(condvars);
        c1.abandon();
        c2.abandon();
        p.abandon();
        c1.requireNoFailure("the first take()", "C1");
        c2.requireNoFailure("the second take()", "C1");
        p.requireNoFailure("put(\"a\"), put(\"b\")", "C1");
        check(done, () -> "a wake-up went to a thread that could not use it, and the thread that could was never "
                + "woken (C1, C4): two take() calls waited on an empty buffer of capacity 1; a producer put \"a\" "
                + "(waking the first taker) and then waited to put \"b\"; the first taker took \"a\" and notified "
                + "once. That notification must reach the waiting producer, but the producer and the second taker "
                + "were still waiting " + prompt.toMillis() + " ms later. With one condvar for producers and "
                + "consumers, notifyOne may wake a thread of the wrong kind (the kit's condvar picks one of the "
                + "notifier's kind): wait on a condvar per condition (not full, not empty), or notify all.\n"
                + "Waiting now: " + state);
        String first = c1.result();
        String second = c2.result();
        check(java.util.Set.of("a", "b").equals(new java.util.HashSet<>(java.util.Arrays.asList(first, second))),
                () -> "put(\"a\"), put(\"b\") to two waiting takers: one taker got " + Safely.show(first)
                        + " and the other " + Safely.show(second) + ", expected \"a\" and \"b\", one each (X2)");
    }

    /**
     * Two producers put 300 distinct items each while two consumers take 300 each, through a buffer
     * of capacity 2, with spurious wake-ups; the producers start once a consumer waits, so that
     * the first wait, which is spurious, finds the buffer empty. Every item must be taken exactly
     * once, and each consumer sees each producer's items in the order they were put.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"X2", "C2"})
    void many_producers_and_consumers() throws InterruptedException {
        Buffers.requireImplemented();
        long seed = Seeds.forCheck(STRESS);
        int[] round = {0};
        Stress.of(STRESS, () -> new Round(Buffers.fresh(2, new KitCondvars().spuriousWakeups(seed + round[0]++))))
                .threads(4).rounds(8).roundTimeout(Duration.ofSeconds(2))
                .onHang("producers and consumers were left waiting with work to do: a wake-up was lost, or a "
                        + "thread waits for a condition nobody will signal (C1, C4)")
                .diagnose(r -> "waiting on the kit's condvars: " + waiters(r.setup.condvars()))
                .run(BoundedBufferRaceChecks::work, BoundedBufferRaceChecks::verdict);
    }

    private static final int ITEMS = 300;

    /** One round: the buffer, and what each consumer took. */
    private static final class Round {
        final Buffers.Setup<Integer> setup;
        final List<List<Integer>> taken = List.of(new ArrayList<>(), new ArrayList<>());

        Round(Buffers.Setup<Integer> setup) {
            this.setup = setup;
        }
    }

    private static void work(Round r, int thread) {
        BoundedBuffer<Integer> b = r.setup.buffer();
        if (thread < 2) {
            long end = System.nanoTime() + Patience.prompt().toNanos();
            while (r.setup.condvars().waitsStarted() == 0 && System.nanoTime() - end < 0) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < ITEMS; i++) {
                b.put(thread * ITEMS + i);
                Patience.progress();
            }
        } else {
            List<Integer> mine = r.taken.get(thread - 2);
            for (int i = 0; i < ITEMS; i++) {
                mine.add(b.take());
                Patience.progress();
            }
        }
    }

    private static void verdict(Round r) {
        int[] count = new int[2 * ITEMS];
        for (int c = 0; c < 2; c++) {
            int[] last = {-1, -1};
            for (Integer item : r.taken.get(c)) {
                if (item == null || item < 0 || item >= 2 * ITEMS) {
                    throw new AssertionError("consumer " + c + " took " + Safely.show(item) + ", which no producer "
                            + "put: a take went on without an item, after a wake-up that was spurious or meant for "
                            + "another thread (X2, C2). Wait in a loop while the buffer is empty.");
                }
                count[item]++;
                int producer = item / ITEMS;
                if (item < last[producer]) {
                    int previous = last[producer];
                    throw new AssertionError("consumer " + c + " took producer " + producer + "'s item " + item
                            + " after its later item " + previous + ": items leave in the order they came (X2)");
                }
                last[producer] = item;
            }
        }
        for (int item = 0; item < count.length; item++) {
            if (count[item] != 1) {
                int n = count[item];
                int at = item;
                throw new AssertionError("item " + at + " of producer " + (at / ITEMS) + " was taken " + n
                        + " time(s): every item put is taken exactly once, none lost or duplicated (X2). Two "
                        + "producers and two consumers moved " + ITEMS + " items each.");
            }
        }
        for (KitMutex<?> m : r.setup.mutexes().made()) {
            if (m.isLocked()) {
                throw new AssertionError("after every put and take had returned, the buffer's mutex was still "
                        + "locked: every call unlocks before it returns (X1)");
            }
        }
    }

    /** Waits until {@code call} waits on one of the kit's condvars; fails if it returned or never got there. */
    static void requireWaiting(WatchedCall<?> call, KitCondvars condvars, String what, Duration prompt)
            throws InterruptedException {
        BooleanSupplier waiting = () -> condvars.isWaiting(call.thread());
        long end = System.nanoTime() + prompt.toNanos();
        while (!waiting.getAsBoolean() && !call.isDone() && System.nanoTime() - end < 0) {
            Thread.sleep(1);
        }
        if (call.isDone()) {
            call.requireNoFailure(what, "C1");
            check(false, () -> what + " returned " + Safely.show(call.result()) + " instead of waiting: it must wait "
                    + "(C1)");
        }
        check(waiting.getAsBoolean(), () -> what + " did not wait on a condvar of the CondvarProvider the buffer was "
                + "made with within " + prompt.toMillis() + " ms: every wait of the buffer is a wait of one of "
                + "those condvars (C1)");
    }

    private static String spurious(KitCondvars condvars) {
        return String.valueOf(condvars.made().stream().mapToLong(KitCondvar::spuriousWakeups).sum());
    }

    /** Who waits on which of the kit's condvars, for feedback. */
    static String waiters(KitCondvars condvars) {
        Map<Integer, List<String>> by = new HashMap<>();
        for (KitCondvar c : condvars.made()) {
            List<String> names = new ArrayList<>();
            c.waiters().forEach(t -> names.add(t.getName()));
            by.put(c.index(), names);
        }
        return by.isEmpty() ? "no condvar was made" : by.toString().replace("=", ": ");
    }
}
