package fearless.grader.checks.boundedbuffer;

import static fearless.grader.checks.boundedbuffer.Buffers.check;

import fearless.api.sync.BoundedBuffer;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.WatchedCall;
import fearless.grader.checks.kit.KitCondvar;
import java.time.Duration;

/**
 * The buffer's promises one example at a time, on the kit's mutex and a plain kit condvar: items
 * leave in the order they came, {@code capacity()} and {@code size()}, refused capacities and
 * {@code null} items, a put that waits on a full buffer and a take that waits on an empty one
 * (each watched from outside, and seen waiting on the kit's condvar), and waits that outlast an
 * interrupt. Every call runs on a thread of the check's, bounded.
 */
@Exercise("bounded-buffer")
class BoundedBufferBehaviourChecks {

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"X2"})
    void fifo_order() throws InterruptedException {
        Buffers.requireImplemented();
        BoundedBuffer<String> b = Buffers.<String>fresh(3).buffer();
        Buffers.put(b, "a", "X2");
        Buffers.put(b, "b", "X2");
        Buffers.put(b, "c", "X2");
        String context = "the items leave in the order they came (FIFO, X2); after put(a), put(b), put(c)";
        Buffers.take(b, "a", context, "X2");
        Buffers.put(b, "d", "X2");
        Buffers.take(b, "b", context + ", take(), put(d)", "X2");
        Buffers.take(b, "c", context + ", take(), put(d), take()", "X2");
        Buffers.take(b, "d", context + ", take(), put(d), take(), take()", "X2");
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"X2"})
    void capacity_and_size() throws InterruptedException {
        Buffers.requireImplemented();
        for (int capacity : new int[] {1, 2, 5}) {
            BoundedBuffer<String> b = Buffers.<String>fresh(capacity).buffer();
            Integer got = Buffers.prompt("checker", "capacity()", "X2", b::capacity);
            check(got != null && got == capacity, () -> "create(" + capacity + ", ...).capacity() returned " + got
                    + ": it is the capacity the buffer was created with (X2)");
            Buffers.size(b, 0, "a new buffer of capacity " + capacity + " holds nothing", "X2");
            for (int i = 1; i <= capacity; i++) {
                Buffers.put(b, "item" + i, "X2");
                int count = i;
                Buffers.size(b, i, "after " + count + " put(s) into a buffer of capacity " + capacity, "X2");
            }
            Buffers.take(b, "item1", "after filling a buffer of capacity " + capacity, "X2");
            Buffers.size(b, capacity - 1, "after filling a buffer of capacity " + capacity + " and one take()", "X2");
            Integer still = Buffers.prompt("checker", "capacity()", "X2", b::capacity);
            check(still != null && still == capacity, () -> "capacity() returned " + still + " after some puts and "
                    + "takes: it stays the capacity the buffer was created with, " + capacity + " (X2)");
        }
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"X2"})
    void capacity_below_one_refused() throws InterruptedException {
        Buffers.requireImplemented();
        for (int capacity : new int[] {0, -1, Integer.MIN_VALUE}) {
            Throwable e = Buffers.thrown("create(" + capacity + ", ...)", "X2", () -> Buffers.fresh(capacity));
            check(e instanceof IllegalArgumentException, () -> "create(" + capacity + ", mutexes, condvars) "
                    + (e == null ? "returned a buffer" : "threw " + Safely.describe(e)) + ": a capacity below 1 is "
                    + "refused with IllegalArgumentException, since such a buffer could never take a put (X2)");
        }
    }

    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"X2"})
    void null_refused_buffer_unchanged() throws InterruptedException {
        Buffers.requireImplemented();
        BoundedBuffer<String> b = Buffers.<String>fresh(2).buffer();
        String[] states = {"an empty buffer", "a buffer holding \"a\"", "a full buffer holding \"a\" and \"b\""};
        for (int held = 0; held <= 2; held++) {
            String state = states[held];
            Throwable e = Buffers.thrown("put(null) on " + state, "X2", () -> b.put(null));
            check(e instanceof NullPointerException, () -> "put(null) on " + state + " "
                    + (e == null ? "returned" : "threw " + Safely.describe(e)) + ": a null item is refused with "
                    + "NullPointerException, at once, even when the buffer is full (X2)");
            Buffers.size(b, held, "after put(null) was refused on " + state + " the buffer is unchanged", "X2");
            if (held < 2) {
                Buffers.put(b, held == 0 ? "a" : "b", "X2");
            }
        }
        Buffers.take(b, "a", "after put(null) was refused three times between put(a) and put(b)", "X2");
        Buffers.take(b, "b", "after put(null) was refused three times between put(a) and put(b)", "X2");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"C1"})
    void put_waits_while_full() throws InterruptedException {
        Buffers.requireImplemented();
        Buffers.Setup<String> s = Buffers.fresh(2);
        BoundedBuffer<String> b = s.buffer();
        Buffers.put(b, "a", "C1");
        Buffers.put(b, "b", "C1");
        WatchedCall<Void> p = WatchedCall.startAction("producer-1", () -> b.put("c"));
        Duration prompt = Patience.prompt();
        boolean waits = p.staysWaiting(prompt);
        if (p.isDone()) {
            p.requireNoFailure("put(\"c\") on a full buffer", "C1");
            Integer size = Buffers.prompt("checker", "size()", "C1", b::size);
            check(false, () -> "put(\"c\") on a full buffer of capacity 2 (holding a and b) returned at once, and "
                    + "size() is now " + size + ": a put waits while the buffer holds capacity() items (C1)");
        }
        check(waits, () -> "put(\"c\") on a full buffer of capacity 2 neither returned nor waited: it kept running "
                + "for " + prompt.toMillis() + " ms. Wait on a condvar instead of spinning (C1)");
        KitCondvar on = s.condvars().waitingOn(p.thread());
        check(on != null, () -> "put(\"c\") on a full buffer waits, but not on a condvar of the CondvarProvider the "
                + "buffer was made with: every wait of the buffer is a wait of one of those condvars (C1)");
        Buffers.size(b, 2, "while a put waits on a full buffer of capacity 2", "C1");
        Buffers.take(b, "a", "put(a), put(b), then put(c) waiting on the full buffer", "C1");
        boolean woken = p.awaitDone(prompt);
        p.abandon();
        p.requireNoFailure("put(\"c\") on a full buffer, after a take made room", "C1");
        check(woken, () -> "a take made room in the full buffer, but the put(\"c\") waiting for it was still waiting "
                + prompt.toMillis() + " ms later: a take must wake a producer waiting for room, through the condvar "
                + "that producer waits on (C1, C4). Kit condvar " + on.index() + ", where the put waits, received "
                + on.notificationsSent() + " notification(s).");
        Buffers.take(b, "b", "after put(c) waited and then went in", "C1");
        Buffers.take(b, "c", "after put(c) waited and then went in", "C1");
    }

    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"C1"})
    void take_waits_while_empty() throws InterruptedException {
        Buffers.requireImplemented();
        Buffers.Setup<String> s = Buffers.fresh(2);
        BoundedBuffer<String> b = s.buffer();
        WatchedCall<String> c = WatchedCall.start("consumer-1", b::take);
        Duration prompt = Patience.prompt();
        boolean waits = c.staysWaiting(prompt);
        if (c.isDone()) {
            String got = c.result("take() on an empty buffer");
            check(false, () -> "take() on an empty buffer returned " + Safely.show(got) + " at once: a take waits "
                    + "while the buffer is empty (C1)");
        }
        check(waits, () -> "take() on an empty buffer neither returned nor waited: it kept running for "
                + prompt.toMillis() + " ms. Wait on a condvar instead of spinning (C1)");
        KitCondvar on = s.condvars().waitingOn(c.thread());
        check(on != null, () -> "take() on an empty buffer waits, but not on a condvar of the CondvarProvider the "
                + "buffer was made with: every wait of the buffer is a wait of one of those condvars (C1)");
        Buffers.put(b, "x", "C1");
        boolean woken = c.awaitDone(prompt);
        c.abandon();
        check(woken, () -> "put(\"x\") filled the empty buffer, but the take() waiting for an item was still waiting "
                + prompt.toMillis() + " ms later: a put must wake a consumer waiting for an item, through the "
                + "condvar that consumer waits on (C1, C4). Kit condvar " + on.index() + ", where the take waits, "
                + "received " + on.notificationsSent() + " notification(s).");
        String got = c.result("take() on an empty buffer, after a put");
        check("x".equals(got), () -> "take() waited on the empty buffer, then put(\"x\") came, and the take returned "
                + Safely.show(got) + ", expected \"x\" (C1)");
        Buffers.size(b, 0, "after take() waited for put(x) and took it", "C1");
    }

    /**
     * A thread interrupted while it waits in put or take keeps waiting, as in the condvar's wait,
     * and returns once woken with its interrupt flag set.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"C1"})
    void interrupted_wait_goes_on() throws InterruptedException {
        Buffers.requireImplemented();
        Duration prompt = Patience.prompt();
        BoundedBuffer<String> b = Buffers.<String>fresh(1).buffer();
        Buffers.put(b, "a", "C1");
        WatchedCall<Void> p = WatchedCall.startAction("producer-1", () -> b.put("b"));
        p.awaitWaiting(prompt);
        p.thread().interrupt();
        boolean stays = p.staysWaiting(prompt);
        interruptedEnd(p, "put(\"b\") on a full buffer");
        check(stays, () -> "put(\"b\") waiting on a full buffer was interrupted and stopped waiting: a thread "
                + "interrupted while it waits keeps waiting, as in the condvar's wait (C1)");
        Buffers.take(b, "a", "put(a) into a buffer of capacity 1, then put(b) waiting and interrupted", "C1");
        check(p.awaitDone(prompt), () -> "a take made room, but the interrupted put(\"b\") was not woken (C1)");
        p.requireNoFailure("put(\"b\"), interrupted while it waited", "C1");
        check(p.interruptedAtEnd(), () -> "put(\"b\") was interrupted while it waited and returned with its "
                + "interrupt flag cleared: the wait returns with the flag set again, so the caller sees it (C1)");
        Buffers.take(b, "b", "after the interrupted put(b) went in", "C1");

        WatchedCall<String> c = WatchedCall.start("consumer-1", b::take);
        c.awaitWaiting(prompt);
        c.thread().interrupt();
        boolean waits = c.staysWaiting(prompt);
        interruptedEnd(c, "take() on an empty buffer");
        check(waits, () -> "take() waiting on an empty buffer was interrupted and stopped waiting: a thread "
                + "interrupted while it waits keeps waiting, as in the condvar's wait (C1)");
        Buffers.put(b, "c", "C1");
        check(c.awaitDone(prompt), () -> "a put filled the buffer, but the interrupted take() was not woken (C1)");
        String got = c.result("take(), interrupted while it waited");
        check("c".equals(got), () -> "take() interrupted while it waited, then put(\"c\"): it returned "
                + Safely.show(got) + ", expected \"c\" (C1)");
        check(c.interruptedAtEnd(), () -> "take() was interrupted while it waited and returned with its interrupt "
                + "flag cleared: the wait returns with the flag set again, so the caller sees it (C1)");
    }

    /** Fails if a call ended right after its interrupt, saying how. */
    private static void interruptedEnd(WatchedCall<?> call, String what) {
        if (call.isDone()) {
            call.requireNoFailure(what + ", interrupted while it waited", "C1");
            check(false, () -> what + " was interrupted while it waited and returned " + Safely.show(call.result())
                    + " without the item it waited for: a thread interrupted while it waits keeps waiting, as in "
                    + "the condvar's wait (C1)");
        }
    }
}
