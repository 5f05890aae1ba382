package fearless.grader.checks.condvar;

import static fearless.grader.checks.condvar.Condvars.HUGE;
import static fearless.grader.checks.condvar.Condvars.check;
import static fearless.grader.checks.condvar.Condvars.millis;

import fearless.api.Result;
import fearless.api.mutex.MutexGuard;
import fearless.api.sync.Condvar;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.WatchedCall;
import fearless.grader.checks.condvar.Condvars.Back;
import fearless.grader.checks.kit.KitMutex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Rust's own condvar tests ({@code library/std/tests/sync/condvar.rs}: {@code smoke},
 * {@code notify_one}, {@code notify_all}, {@code wait_while}, {@code wait_timeout_wait},
 * {@code wait_timeout_wake}), ported to the condvar on the kit's mutex, and the rest of the
 * Javadoc's promises: the condition asked before waiting, spurious wake-ups injected into a
 * {@code waitWhile}, a notification sent before anyone waits, zero, negative and huge timeouts,
 * poison found on the way back, interrupts. Every wait runs on a thread of the check's and is
 * watched from outside, so a wait that never returns fails the check instead of hanging it.
 */
@Exercise("condvar")
class CondvarBehaviourChecks {

    /** The timeout of a wait that nobody notifies. */
    private static final Duration SHORT = Duration.ofMillis(30);

    /** {@code smoke}: notifying a condvar that nobody waits on returns at once and does nothing. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"C4"})
    void smoke() throws InterruptedException {
        Condvars.requireImplemented();
        Condvar c = Condvars.fresh();
        WatchedCall<Void> t = WatchedCall.startAction("notifier", () -> {
            c.notifyOne();
            c.notifyAllWaiters();
        });
        Duration prompt = Patience.prompt();
        boolean returned = t.awaitDone(prompt);
        t.abandon();
        t.requireNoFailure("notifyOne(); notifyAllWaiters() on a new condvar", "C4");
        check(returned, () -> "notifyOne(); notifyAllWaiters() on a new condvar, with nobody waiting, had not returned "
                + "after " + prompt.toMillis() + " ms: with no waiter a notification does nothing at all (C4).");
    }

    /**
     * {@code notify_one}: a thread waits with the lock; another takes the lock once the waiter let
     * it go, and notifies while it holds it, once the waiter really waits (so the notification
     * must wake it, not just mark it); the wait returns, with the lock held again.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"C1"})
    void notify_one() throws InterruptedException {
        Condvars.requireImplemented();
        KitMutex<Integer> m = Condvars.mutex(0);
        Condvar c = Condvars.fresh();
        WatchedCall<Back> waiter = WatchedCall.start("waiter", () -> {
            MutexGuard<Integer> g = m.lock().unwrap();
            Thread self = Thread.currentThread();
            WatchedCall<Void> notifier = WatchedCall.startAction("notifier", () -> {
                try (MutexGuard<Integer> h = m.lock().unwrap()) {
                    h.set(1);
                    Condvars.untilWaiting(self);
                    c.notifyOne();
                }
            });
            Back back = Condvars.back(m, c.wait(g));
            notifier.awaitDone(Patience.prompt());
            notifier.requireNoFailure("notifyOne() while holding the lock", "C1");
            return back;
        });
        Duration bound = Patience.prompt().multipliedBy(2);
        boolean returned = waiter.awaitDone(bound);
        waiter.abandon();
        Back back = waiter.result("wait(guard)");
        check(returned, () -> "a thread waits in wait(guard); another thread takes the lock, sets the value and calls "
                + "notifyOne(): the wait had not returned " + bound.toMillis() + " ms later. notifyOne() must wake "
                + "the waiting thread, which then takes the lock again (C1).");
        check(back.ok() && back.held() && back.value().equals("1"), () -> "wait(guard) was notified and returned "
                + back.shown() + ", but it must return Ok(guard) holding the lock again, the guard reading the "
                + "notifier's 1 (C1). Lock again through guard.mutex().lock() and return what it gives.");
    }

    /**
     * {@code notify_all}: ten threads count themselves in and wait while the count is not zero;
     * once all ten wait, the main thread sets it to zero and calls notifyAllWaiters(), holding the
     * lock. Every one of the ten must return.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"C1", "C4"})
    void notify_all() throws InterruptedException {
        Condvars.requireImplemented();
        int n = 10;
        KitMutex<Integer> m = Condvars.mutex(0);
        Condvar c = Condvars.fresh();
        List<WatchedCall<Back>> waiters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            waiters.add(WatchedCall.start("waiter-" + i, () -> {
                MutexGuard<Integer> g = m.lock().unwrap();
                g.set(g.get() + 1);
                while (g.get() != 0) {
                    g = c.wait(g).unwrap();
                }
                return Condvars.back(m, Result.ok(g));
            }));
        }
        try {
            for (WatchedCall<Back> w : waiters) {
                w.awaitWaiting();
                if (w.isDone()) {
                    w.result("wait(guard)");
                }
            }
            // A thread blocked in m.lock() looks as "waiting" as one inside the condvar: only a count
            // of ten, read under the lock, proves that all ten counted themselves in and let the lock
            // go, which they do only inside wait(guard).
            long deadline = System.nanoTime() + Patience.prompt().multipliedBy(4).toNanos();
            MutexGuard<Integer> g = m.lock().unwrap();
            while (g.get() != n && System.nanoTime() < deadline) {
                g.close();
                Thread.sleep(5);
                g = m.lock().unwrap();
            }
            try {
                int counted = g.get();
                check(counted == n, () -> "the ten waiting threads counted " + counted + " of them in, not ten: a wait "
                        + "must let the lock go, so the others can count themselves in (C1)");
                g.set(0);
                c.notifyAllWaiters();
            } finally {
                g.close();
            }
            Duration bound = Patience.prompt().multipliedBy(2);
            boolean all = Condvars.awaitAll(waiters, bound);
            long left = waiters.stream().filter(w -> !w.isDone()).count();
            check(all, () -> "ten threads waited on the condvar; notifyAllWaiters() was called once, but " + left
                    + " of them were still waiting " + bound.toMillis() + " ms later: it must wake every thread "
                    + "waiting right now (C1, C4). Mark every waiter, and wake them all (notifyAll(), not notify()).");
            for (WatchedCall<Back> w : waiters) {
                Back back = w.result("wait(guard)");
                check(back.held(), () -> "after notifyAllWaiters(), a wait returned without the lock held again (C1)");
            }
        } finally {
            Condvars.abandon(waiters);
        }
    }

    /**
     * {@code wait_while}: a thread sets a flag and notifies; the main thread's waitWhile(flag not
     * set) returns with the flag set. Before that: a condition already false returns at once, with
     * no notification, and the condition is always asked with the lock held.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"C2"})
    void wait_while() throws InterruptedException {
        Condvars.requireImplemented();
        Duration prompt = Patience.prompt();
        KitMutex<Boolean> ready = Condvars.mutex(true);
        Condvar first = Condvars.fresh();
        AtomicBoolean unlockedAsk = new AtomicBoolean();
        WatchedCall<Back> at = WatchedCall.start("waiter", () -> {
            MutexGuard<Boolean> g = ready.lock().unwrap();
            return Condvars.back(ready, first.waitWhile(g, r -> {
                unlockedAsk.compareAndSet(false, !ready.isHeldByCurrentThread());
                return !r;
            }));
        });
        boolean returned = at.awaitDone(prompt);
        at.abandon();
        Back now = at.result("waitWhile(guard, r -> !r) with r already true");
        check(returned, () -> "waitWhile(guard, r -> !r), with r already true and nobody notifying, had not returned "
                + "after " + prompt.toMillis() + " ms: it must ask the condition first, and not wait at all when it "
                + "is already false (C2). A while loop, not a do-while.");
        check(now.ok() && now.held(), () -> "waitWhile with a condition already false returned " + now.shown()
                + ", not Ok(guard) with the lock held (C2)");
        check(!unlockedAsk.get(), () -> "waitWhile asked its condition without the lock held: it must ask with the "
                + "lock held, always (C2)");

        KitMutex<Boolean> started = Condvars.mutex(false);
        Condvar c = Condvars.fresh();
        AtomicBoolean unlocked = new AtomicBoolean();
        WatchedCall<Back> waiter = WatchedCall.start("waiter", () -> {
            MutexGuard<Boolean> g = started.lock().unwrap();
            return Condvars.back(started, c.waitWhile(g, s -> {
                unlocked.compareAndSet(false, !started.isHeldByCurrentThread());
                return !s;
            }));
        });
        waiter.awaitWaiting();
        WatchedCall<Void> setter = WatchedCall.startAction("notifier", () -> {
            try (MutexGuard<Boolean> g = started.lock().unwrap()) {
                g.set(true);
            }
            c.notifyOne();
        });
        boolean woke = waiter.awaitDone(prompt.multipliedBy(2));
        setter.awaitDone(prompt);
        Condvars.abandon(List.of(waiter, setter));
        setter.requireNoFailure("notifyOne()", "C2");
        Back back = waiter.result("waitWhile(guard, s -> !s)");
        check(woke, () -> "waitWhile(guard, s -> !s) was still waiting " + prompt.multipliedBy(2).toMillis() + " ms "
                + "after another thread set s and called notifyOne(): a wake-up must make it ask again (C2)");
        check(back.ok() && back.held() && back.value().equals("true"), () -> "waitWhile(guard, s -> !s) returned "
                + back.shown() + ", but it returns Ok(guard), holding the lock, once the condition is false (C2)");
        check(!unlocked.get(), () -> "waitWhile asked its condition without the lock held: it must ask with the lock "
                + "held, always (C2)");
    }

    /**
     * Spurious wake-ups, injected: a waitWhile(v < 2) is woken with notifyAllWaiters() while v is
     * 1, then with notifyOne() while v is still 1; each time it must ask again and keep waiting.
     * Only v = 2 and a notification end it. A waitWhile that asks with {@code if} instead of a
     * loop returns after the first wake-up, every run.
     */
    @Graded(points = 3, category = Category.BEHAVIOUR, rules = {"C2"})
    void wait_while_survives_spurious_wakeups() throws InterruptedException {
        Condvars.requireImplemented();
        Duration prompt = Patience.prompt();
        KitMutex<Integer> m = Condvars.mutex(0);
        Condvar c = Condvars.fresh();
        AtomicInteger asked = new AtomicInteger();
        Predicate<Integer> below2 = v -> {
            asked.incrementAndGet();
            return v < 2;
        };
        WatchedCall<Back> waiter = WatchedCall.start("waiter", () -> {
            MutexGuard<Integer> g = m.lock().unwrap();
            return Condvars.back(m, c.waitWhile(g, below2));
        });
        try {
            check(waiter.staysWaiting(prompt), () -> "waitWhile(guard, v -> v < 2) with v = 0 returned "
                    + (waiter.isDone() ? "without any notification" : "nothing, and was not waiting") + ": it must wait "
                    + "while the condition holds (C2)" + failure(waiter));
            try (MutexGuard<Integer> g = m.lock().unwrap()) {
                g.set(1);
            }
            c.notifyAllWaiters();
            check(waiter.staysWaiting(prompt), () -> "waitWhile(guard, v -> v < 2) returned after a notifyAllWaiters() "
                    + "sent while v was 1: the condition still held, so it must ask again and wait again (C2). A "
                    + "wake-up is only a hint; loop on the condition with while, not if." + failure(waiter));
            c.notifyOne();
            check(waiter.staysWaiting(prompt), () -> "waitWhile(guard, v -> v < 2) returned after a notifyOne() sent "
                    + "while v was still 1: a wake-up does not mean the condition changed; ask again, in a loop (C2)"
                    + failure(waiter));
            try (MutexGuard<Integer> g = m.lock().unwrap()) {
                g.set(2);
                c.notifyOne();
            }
            boolean returned = waiter.awaitDone(prompt.multipliedBy(2));
            Back back = waiter.result("waitWhile(guard, v -> v < 2)");
            check(returned, () -> "waitWhile(guard, v -> v < 2) was still waiting after v was set to 2 and notifyOne() "
                    + "was called (C2)");
            check(back.ok() && back.held() && back.value().equals("2"), () -> "waitWhile(guard, v -> v < 2) returned "
                    + back.shown() + ", but must return Ok(guard) with the lock held and v = 2 (C2)");
        } finally {
            waiter.abandon();
        }
    }

    /**
     * {@code wait_timeout_wait}: waitTimeout(1 ms), with nobody notifying, is asked again after
     * every early return (spurious wake-ups are allowed) until it says it timed out; that call
     * took at least its timeout, and returned with the lock held. A 30 ms timeout the same way.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"C3"})
    void wait_timeout_wait() throws InterruptedException {
        Condvars.requireImplemented();
        for (Duration timeout : new Duration[] {Duration.ofMillis(1), SHORT}) {
            KitMutex<Integer> m = Condvars.mutex(7);
            Condvar c = Condvars.fresh();
            long[] took = new long[1];
            WatchedCall<Back> waiter = WatchedCall.start("waiter", () -> {
                while (true) {
                    MutexGuard<Integer> g = m.lock().unwrap();
                    long start = System.nanoTime();
                    Back back = Condvars.backTimed(m, c.waitTimeout(g, timeout));
                    took[0] = System.nanoTime() - start;
                    if (back.timedOut() || !back.ok() || !back.held()) {
                        return back;
                    }
                }
            });
            Duration bound = Patience.prompt().plus(timeout.multipliedBy(4));
            boolean returned = waiter.awaitDone(bound);
            waiter.abandon();
            String call = "waitTimeout(guard, " + timeout.toMillis() + " ms)";
            Back back = waiter.result(call);
            check(returned, () -> call + ", with nobody notifying, had not reported a time-out after "
                    + bound.toMillis() + " ms: it must give up once its timeout has passed (C3). Wait against a "
                    + "deadline, in the right unit: Object.wait(0) waits forever, so a timeout under a millisecond "
                    + "needs wait(millis, nanos).");
            check(back.ok() && back.held() && back.value().equals("7"), () -> call + " returned " + back.shown()
                    + ": after a time-out it must still hold the lock again, Ok(guard) reading 7 (C3). Lock again "
                    + "through guard.mutex().lock() in every case.");
            check(back.timedOut() && took[0] >= timeout.toNanos(), () -> call + " said it timed out after "
                    + millis(took[0]) + ", before its timeout had passed (C3).");
        }
    }

    /**
     * A wait that times out locks again and says so: waitTimeout(30 ms) returns Ok with
     * timedOut() true, the lock held by the waiter, the guard usable; a notified waitTimeout says
     * false. Rust's {@code wait_timeout_wait} asks the same, on the mutex's side.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"C3"})
    void wait_timeout_relocks_and_reports() throws InterruptedException {
        Condvars.requireImplemented();
        KitMutex<Integer> m = Condvars.mutex(3);
        Condvar c = Condvars.fresh();
        WatchedCall<Back> waiter = WatchedCall.start("waiter", () -> {
            MutexGuard<Integer> g = m.lock().unwrap();
            Back back = Condvars.backTimed(m, c.waitTimeout(g, SHORT));
            boolean free = !m.isLocked();
            return free ? back : new Back(back.ok(), back.held(), back.value() + " (and the mutex stayed locked)",
                    back.timedOut());
        });
        Duration bound = Patience.prompt().plus(SHORT);
        boolean returned = waiter.awaitDone(bound);
        waiter.abandon();
        Back back = waiter.result("waitTimeout(guard, 30 ms)");
        check(returned, () -> "waitTimeout(guard, 30 ms) with nobody notifying had not returned after "
                + bound.toMillis() + " ms: it must give up once its timeout has passed (C3)");
        check(back.ok() && back.held() && back.value().equals("3"), () -> "waitTimeout(guard, 30 ms) timed out and "
                + "returned " + back.shown() + ": it must lock again in every case, and hand back the new guard "
                + "(C3). The guard passed in was closed by the wait: return the one guard.mutex().lock() gives.");
        if (!back.timedOut()) {
            // a spurious wake-up is allowed (C2): ask once more, it must not happen every time
            WatchedCall<Back> again = WatchedCall.start("waiter", () -> {
                MutexGuard<Integer> g = m.lock().unwrap();
                return Condvars.backTimed(m, c.waitTimeout(g, SHORT));
            });
            again.awaitDone(bound);
            again.abandon();
            Back second = again.result("waitTimeout(guard, 30 ms)");
            check(second.timedOut(), () -> "waitTimeout(guard, 30 ms), with nobody notifying, returned "
                    + "timedOut() false twice in a row: once the time ran out it must say so (C3)");
        }

        KitMutex<Integer> n = Condvars.mutex(0);
        Condvar d = Condvars.fresh();
        WatchedCall<Back> woken = WatchedCall.start("waiter", () -> {
            MutexGuard<Integer> g = n.lock().unwrap();
            return Condvars.backTimed(n, d.waitTimeout(g, Duration.ofSeconds(60)));
        });
        woken.awaitWaiting();
        if (woken.isDone()) {
            woken.result("waitTimeout(guard, 60 s)");
        }
        try (MutexGuard<Integer> g = n.lock().unwrap()) {
            g.set(1);
        }
        d.notifyOne();
        boolean woke = woken.awaitDone(Patience.prompt());
        woken.abandon();
        Back notified = woken.result("waitTimeout(guard, 60 s)");
        check(woke && !notified.timedOut() && notified.held(), () -> "waitTimeout(guard, 60 s) notified by "
                + "notifyOne() " + (woke ? "returned " + notified.shown() : "was still waiting")
                + ": it must return at once, with the lock held and timedOut() false (C3)");
    }

    /**
     * {@code wait_timeout_wake}: waitTimeout with Rust's huge timeout ({@code u64::MAX} ms, here
     * {@code Long.MAX_VALUE} ms, whose nanoseconds overflow a long) is woken by a thread that
     * takes the lock and notifies; asked again after a spurious wake-up, as in Rust, until the
     * notifier ran. It returns timedOut() false with the lock held.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"C3"})
    void wait_timeout_wake() throws InterruptedException {
        Condvars.requireImplemented();
        KitMutex<Boolean> m = Condvars.mutex(false);
        Condvar c = Condvars.fresh();
        WatchedCall<Back> waiter = WatchedCall.start("waiter", () -> {
            MutexGuard<Boolean> g = m.lock().unwrap();
            WatchedCall<Void> notifier = WatchedCall.startAction("notifier", () -> {
                try (MutexGuard<Boolean> h = m.lock().unwrap()) {
                    h.set(true);
                    c.notifyOne();
                }
            });
            Back back;
            while (true) {
                back = Condvars.backTimed(m, c.waitTimeout(g, HUGE));
                if (back.timedOut() || !back.ok() || !back.held() || back.value().equals("true")) {
                    break;
                }
                g = m.lock().unwrap();
            }
            notifier.awaitDone(Patience.prompt());
            notifier.requireNoFailure("notifyOne()", "C3");
            return back;
        });
        Duration bound = Patience.prompt().multipliedBy(2);
        boolean returned = waiter.awaitDone(bound);
        waiter.abandon();
        String call = "waitTimeout(guard, Duration.ofMillis(Long.MAX_VALUE))";
        Back back = waiter.result(call);
        check(returned, () -> call + " was notified by another thread, but was still waiting " + bound.toMillis()
                + " ms later (C3)");
        check(back.ok() && back.held() && !back.timedOut() && back.value().equals("true"), () -> call + " was notified "
                + "and returned " + back.shown() + ": it must return Ok, holding the lock, with timedOut() false "
                + "(C3). A huge timeout must not overflow: Duration.toNanos() throws past 292 years, so saturate.");
    }

    /**
     * A zero or negative timeout unlocks, locks again at once, and reports a time-out:
     * waitTimeout(0), (-1 ms) and (Long.MIN_VALUE s) each return promptly with timedOut() true,
     * the lock held again, and one more lock taken on the mutex.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"C3"})
    void wait_timeout_zero_or_negative() throws InterruptedException {
        Condvars.requireImplemented();
        Duration prompt = Patience.prompt();
        for (Duration timeout : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), Duration.ofSeconds(Long.MIN_VALUE)}) {
            KitMutex<Integer> m = Condvars.mutex(5);
            Condvar c = Condvars.fresh();
            long[] locks = new long[1];
            WatchedCall<Back> waiter = WatchedCall.start("waiter", () -> {
                MutexGuard<Integer> g = m.lock().unwrap();
                long before = m.locksTaken();
                var r = c.waitTimeout(g, timeout);
                locks[0] = m.locksTaken() - before;
                return Condvars.backTimed(m, r);
            });
            boolean returned = waiter.awaitDone(prompt);
            waiter.abandon();
            String call = "waitTimeout(guard, " + timeout + ")";
            Back back = waiter.result(call);
            check(returned, () -> call + " had not returned after " + prompt.toMillis() + " ms: a zero or negative "
                    + "timeout never waits (C3). Careful: Object.wait(0) waits forever.");
            check(back.ok() && back.held() && back.timedOut(), () -> call + " returned " + back.shown()
                    + ": it must return Ok with the lock held and timedOut() true (C3)");
            check(locks[0] == 1, () -> call + " took the lock " + locks[0] + " times: a zero or negative timeout "
                    + "still unlocks and locks again once, like any wait (C3)");
        }
    }

    /**
     * A notification sent before anyone waits is lost: notifyOne() then notifyAllWaiters() on a
     * new condvar, then a wait(), which must stay waiting. A wait may end spuriously (C2), so an
     * early return counts only if it happens three times out of three. A notifyOne() then ends it.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"C4"})
    void notify_before_wait_is_lost() throws InterruptedException {
        Condvars.requireImplemented();
        Duration prompt = Patience.prompt();
        for (int attempt = 0; attempt < 3; attempt++) {
            KitMutex<Integer> m = Condvars.mutex(0);
            Condvar c = Condvars.fresh();
            c.notifyOne();
            c.notifyAllWaiters();
            WatchedCall<Back> waiter = WatchedCall.start("waiter", () -> {
                MutexGuard<Integer> g = m.lock().unwrap();
                return Condvars.back(m, c.wait(g));
            });
            try {
                if (!waiter.staysWaiting(prompt)) {
                    waiter.awaitDone(prompt);
                    waiter.result("wait(guard)");
                    continue;
                }
                c.notifyOne();
                boolean woke = waiter.awaitDone(prompt);
                check(woke, () -> "a thread waiting in wait(guard) was still waiting " + prompt.toMillis() + " ms "
                        + "after notifyOne() (C1)");
                waiter.result("wait(guard)");
                return;
            } finally {
                waiter.abandon();
            }
        }
        check(false, () -> "c.notifyOne(); c.notifyAllWaiters(); then wait(guard), with nobody notifying any more: the "
                + "wait returned at once, three times out of three. A notification sent while nobody waits is lost: it "
                + "must not end a later wait (C4). Mark only the waiters registered when it is sent; do not save it "
                + "up as a permit.");
    }

    /**
     * A waitTimeout that timed out is gone: a later notifyOne() must go to a thread still waiting.
     * One thread's waitTimeout(30 ms) times out; then another waits, and one notifyOne() must
     * wake it. A condvar that leaves the timed-out record in its queue spends the notification on
     * a thread that left.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"C3", "C4"})
    void timed_out_waiter_takes_no_notification() throws InterruptedException {
        Condvars.requireImplemented();
        Duration prompt = Patience.prompt();
        KitMutex<Integer> m = Condvars.mutex(0);
        Condvar c = Condvars.fresh();
        WatchedCall<Back> timed = WatchedCall.start("timed-waiter", () -> {
            while (true) {
                MutexGuard<Integer> g = m.lock().unwrap();
                Back back = Condvars.backTimed(m, c.waitTimeout(g, SHORT));
                if (back.timedOut() || !back.ok()) {
                    return back;
                }
            }
        });
        boolean gaveUp = timed.awaitDone(prompt.plus(SHORT.multipliedBy(4)));
        timed.abandon();
        timed.result("waitTimeout(guard, 30 ms)");
        check(gaveUp, () -> "waitTimeout(guard, 30 ms) with nobody notifying did not report a time-out (C3)");
        WatchedCall<Back> waiter = WatchedCall.start("waiter", () -> {
            MutexGuard<Integer> g = m.lock().unwrap();
            return Condvars.back(m, c.wait(g));
        });
        try {
            waiter.awaitWaiting();
            c.notifyOne();
            boolean woke = waiter.awaitDone(prompt);
            waiter.result("wait(guard)");
            check(woke, () -> "a waitTimeout(guard, 30 ms) timed out; then another thread waited in wait(guard) and "
                    + "notifyOne() was called: the waiting thread was still waiting " + prompt.toMillis() + " ms later. "
                    + "The notification went to the thread that had timed out and left (C3, C4): a waiter that gives "
                    + "up must take itself out of the queue, under the condvar's lock.");
        } finally {
            waiter.abandon();
        }
    }

    /**
     * Poison found on the way back: a thread waits (wait, waitWhile with a condition that stays
     * true, waitTimeout with a huge timeout); another thread poisons the mutex (withLock whose
     * body throws) and notifies. Every wait returns Err(PoisonError(guard)) with the lock held.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"C1", "C3"})
    void poison_while_waiting() throws InterruptedException {
        Condvars.requireImplemented();
        Duration prompt = Patience.prompt();
        for (String call : new String[] {"wait(guard)", "waitWhile(guard, v -> true)", "waitTimeout(guard, HUGE)"}) {
            KitMutex<Integer> m = Condvars.mutex(0);
            Condvar c = Condvars.fresh();
            WatchedCall<Back> waiter = WatchedCall.start("waiter", () -> {
                MutexGuard<Integer> g = m.lock().unwrap();
                return switch (call) {
                    case "wait(guard)" -> Condvars.back(m, c.wait(g));
                    case "waitWhile(guard, v -> true)" -> Condvars.back(m, c.waitWhile(g, v -> true));
                    default -> Condvars.backTimed(m, c.waitTimeout(g, HUGE));
                };
            });
            try {
                waiter.awaitWaiting();
                if (waiter.isDone()) {
                    waiter.result(call);
                }
                try {
                    m.withLock(g -> {
                        g.set(9);
                        throw new IllegalStateException("the holder fails, and poisons the mutex");
                    });
                } catch (IllegalStateException expected) {
                    // poisoned now
                }
                c.notifyAllWaiters();
                boolean returned = waiter.awaitDone(prompt);
                Back back = waiter.result(call);
                check(returned, () -> call + " was still waiting " + prompt.toMillis() + " ms after the mutex was "
                        + "poisoned and notifyAllWaiters() was called: " + (call.startsWith("waitWhile")
                        ? "a poisoned lock ends waitWhile with Err(PoisonError(guard)) (C1)"
                        : "the notification must wake it (C1)"));
                check(!back.ok() && back.held() && back.value().equals("9"), () -> call + " returned " + back.shown()
                        + " after the mutex was poisoned while it waited: it must return Err(PoisonError(guard)), the "
                        + "lock held, the guard reading 9 (C1, C3). Return what guard.mutex().lock() gives, poison "
                        + "included.");
            } finally {
                waiter.abandon();
            }
        }
    }

    /**
     * An interrupt does not end a wait: a thread waiting in wait() (and in waitTimeout with a huge
     * timeout, and one interrupted before it waits) is interrupted and stays waiting; notified,
     * it returns with the lock held and its interrupt flag set again.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"C1"})
    void interrupt_keeps_waiting() throws InterruptedException {
        Condvars.requireImplemented();
        Duration prompt = Patience.prompt();
        for (int variant = 0; variant < 3; variant++) {
            boolean timed = variant == 1;
            boolean before = variant == 2;
            String call = (timed ? "waitTimeout(guard, HUGE)" : "wait(guard)")
                    + (before ? " on a thread already interrupted" : "");
            KitMutex<Integer> m = Condvars.mutex(0);
            Condvar c = Condvars.fresh();
            Callable<Back> waits = () -> {
                MutexGuard<Integer> g = m.lock().unwrap();
                return timed ? Condvars.backTimed(m, c.waitTimeout(g, HUGE)) : Condvars.back(m, c.wait(g));
            };
            WatchedCall<Back> waiter = before ? WatchedCall.startInterrupted("waiter", waits)
                    : WatchedCall.start("waiter", waits);
            try {
                waiter.awaitWaiting();
                if (!before) {
                    waiter.thread().interrupt();
                }
                check(waiter.staysWaiting(prompt), () -> call + (before ? "" : ", interrupted while it waited,")
                        + " returned without a notification: an interrupt does not end a wait, as in Rust; the thread "
                        + "keeps waiting (C1). Catch the InterruptedException, note it, and wait again."
                        + failure(waiter));
                c.notifyOne();
                boolean returned = waiter.awaitDone(prompt);
                Back back = waiter.result(call);
                check(returned && back.held(), () -> call + (returned ? " returned " + back.shown()
                        : " was still waiting after notifyOne()") + " (C1)");
                check(waiter.interruptedAtEnd(), () -> call + " was interrupted, and returned with the thread's "
                        + "interrupt flag cleared: it must be set again when the wait returns, so the caller sees "
                        + "the interrupt (C1). Call Thread.currentThread().interrupt() before returning.");
            } finally {
                waiter.abandon();
            }
        }
    }

    /** What the watched call threw, if it threw, for feedback. */
    private static String failure(WatchedCall<?> call) {
        if (!call.isDone()) {
            return "";
        }
        try {
            call.result("the wait");
            return "";
        } catch (AssertionError e) {
            return " (" + e.getMessage() + ")";
        }
    }
}
