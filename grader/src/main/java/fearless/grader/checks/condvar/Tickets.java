package fearless.grader.checks.condvar;

import fearless.api.mutex.MutexGuard;
import fearless.api.sync.Condvar;
import fearless.grader.check.race.WatchedCall;
import fearless.grader.checks.kit.KitMutex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The system of the tickets property: the submission's condvar, a count of tickets in the kit's
 * mutex, and the waiter threads. Each waiter waits while there is no ticket, takes one, and ends;
 * a release adds tickets and notifies. After each step the check waits (bounded) until as many
 * waiters have ended as could have, and reports how many did.
 */
final class Tickets {

    private final KitMutex<Integer> tickets = Condvars.mutex(0);
    private final Condvar c = Condvars.fresh();
    private final Duration bound;
    private final List<WatchedCall<Void>> waiters = new ArrayList<>();
    private final AtomicInteger ended = new AtomicInteger();
    private int released;

    Tickets(Duration bound) {
        this.bound = bound;
    }

    /** Starts a waiter: lock, waitWhile(no ticket), take one, unlock. */
    String startWaiter() throws InterruptedException {
        WatchedCall<Void> w = WatchedCall.startAction("waiter-" + waiters.size(), () -> {
            MutexGuard<Integer> g = tickets.lock().unwrap();
            g = c.waitWhile(g, t -> t == 0).unwrap();
            g.set(g.get() - 1);
            g.close();
            ended.incrementAndGet();
        });
        waiters.add(w);
        w.awaitWaiting(bound);
        return settle();
    }

    /** Adds one ticket under the lock, then notifyOne(), after the unlock or while holding the lock. */
    String releaseOne(boolean holding) throws InterruptedException {
        MutexGuard<Integer> g = tickets.lock().unwrap();
        g.set(g.get() + 1);
        released++;
        if (holding) {
            c.notifyOne();
            g.close();
        } else {
            g.close();
            c.notifyOne();
        }
        return settle();
    }

    /** Adds a ticket for every thread waiting now, then notifyAllWaiters(). */
    String releaseAll() throws InterruptedException {
        int waiting = waiters.size() - ended.get();
        try (MutexGuard<Integer> g = tickets.lock().unwrap()) {
            g.set(g.get() + waiting);
        }
        released += waiting;
        c.notifyAllWaiters();
        return settle();
    }

    /** Wakes every waiter with no new ticket: a spurious wake-up, as far as they can tell. */
    String wakeWithoutTicket(boolean all) throws InterruptedException {
        if (all) {
            c.notifyAllWaiters();
        } else {
            c.notifyOne();
        }
        return settle();
    }

    /** A thread's waitTimeout(2 ms), asked again until it times out, with nobody notifying meanwhile. */
    String timedWait() throws Exception {
        WatchedCall<Boolean> t = WatchedCall.start("timed-waiter", () -> {
            while (true) {
                MutexGuard<Integer> g = tickets.lock().unwrap();
                var r = c.waitTimeout(g, Duration.ofMillis(2)).unwrap();
                r.guard().close();
                if (r.timedOut()) {
                    return true;
                }
            }
        });
        boolean done = t.awaitDone(bound);
        t.abandon();
        Boolean timedOut = t.result("waitTimeout(guard, 2 ms)");
        return done && Boolean.TRUE.equals(timedOut) ? "timed out; " + settle() : "never timed out";
    }

    /**
     * Waits until as many waiters have ended as there were tickets for, {@code bound} at most,
     * and says how many ended. A waiter that failed fails the step.
     */
    private String settle() throws InterruptedException {
        int expected = Math.min(released, waiters.size());
        long end = System.nanoTime() + bound.toNanos();
        while (ended.get() < expected && System.nanoTime() - end < 0) {
            Thread.sleep(1);
        }
        for (WatchedCall<Void> w : waiters) {
            if (w.isDone()) {
                w.requireNoFailure("a waiter's waitWhile(guard, t -> t == 0)", "C2");
            }
        }
        int now = ended.get();
        return now + " of " + waiters.size() + " waiters ended";
    }

    /** Lets every waiter go (tickets for all, and a notifyAllWaiters()), and leaves the rest. */
    void close() {
        try {
            var g = tickets.tryLock();
            if (g.isOk()) {
                try (MutexGuard<Integer> held = g.unwrap()) {
                    held.set(1_000);
                }
            }
            c.notifyAllWaiters();
        } catch (RuntimeException e) {
            // a broken condvar: its waiters are daemons and are left behind
        }
        waiters.forEach(WatchedCall::abandon);
    }
}
