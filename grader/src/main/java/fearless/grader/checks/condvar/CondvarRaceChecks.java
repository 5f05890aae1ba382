package fearless.grader.checks.condvar;

import static fearless.grader.checks.condvar.Condvars.HUGE;
import static fearless.grader.checks.condvar.Condvars.check;

import fearless.api.mutex.MutexGuard;
import fearless.api.sync.Condvar;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.Stress;
import fearless.grader.check.race.WatchedCall;
import fearless.grader.checks.condvar.Condvars.Back;
import fearless.grader.checks.kit.KitMutex;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The lost wake-up, made to happen every run: the kit's mutex runs a notifier right after the
 * waiter's unlock, before the waiter gets to wait (C1); and many threads crossing a barrier built
 * on the condvar, round after round, where every crossing needs one notifyAllWaiters() to wake
 * every thread that waits.
 */
@Exercise("condvar")
class CondvarRaceChecks {

    /** Threads at the barrier: three wait while the fourth notifies them all. */
    private static final int PARTIES = 4;

    /** Barrier crossings per round. */
    private static final int CROSSINGS = 150;

    /**
     * C1, deterministically: the waiter locks and waits; right after its wait lets the lock go,
     * before it does anything else, the kit's mutex starts a notifier that takes the lock, sets
     * the value and calls notifyOne(). That notification came after the unlock, so it must reach
     * the waiter: for wait(), waitWhile() and waitTimeout(). A condvar that closes the guard and
     * only then registers the waiter (or starts waiting) loses it every run.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"C1"})
    void notify_right_after_unlock_is_not_lost() throws InterruptedException {
        Condvars.requireImplemented();
        Duration prompt = Patience.prompt();
        for (String call : new String[] {"wait(guard)", "waitWhile(guard, v -> v == 0)", "waitTimeout(guard, HUGE)"}) {
            KitMutex<Integer> m = Condvars.mutex(0);
            Condvar c = Condvars.fresh();
            AtomicBoolean notifiedFirst = new AtomicBoolean();
            WatchedCall<Back> waiter = WatchedCall.start("waiter", () -> {
                MutexGuard<Integer> g = m.lock().unwrap();
                m.afterNextUnlock(self -> notifiedFirst.set(notifyNow(m, c)));
                return switch (call) {
                    case "wait(guard)" -> Condvars.back(m, c.wait(g));
                    case "waitWhile(guard, v -> v == 0)" -> Condvars.back(m, c.waitWhile(g, v -> v == 0));
                    default -> Condvars.backTimed(m, c.waitTimeout(g, HUGE));
                };
            });
            try {
                boolean returned = waiter.awaitDone(prompt.multipliedBy(2));
                Back back = waiter.result(call);
                check(returned, () -> call + " let the lock go; right then, before the waiter went on, another thread "
                        + "took the lock, set the value and called notifyOne()" + (notifiedFirst.get()
                        ? ", which returned before the waiter waited" : "") + ". The waiter was still waiting "
                        + prompt.multipliedBy(2).toMillis() + " ms later: the notification was lost (C1). Unlocking "
                        + "and starting to wait must be one step: register the waiter under the condvar's own lock "
                        + "before closing the guard, so a notifier that comes right after the unlock finds it.");
                check(back.held() && back.value().equals("1"), () -> call + " returned " + back.shown()
                        + " after the notification; it must hold the lock again (C1)");
            } finally {
                waiter.abandon();
            }
        }
    }

    /**
     * Starts a notifier (lock, set 1, unlock, notifyOne) and waits until it has finished, or is
     * blocked (a condvar may hold its own lock from the unlock to the wait: the notifier then
     * waits for it, and must not be waited for here). Whether it finished.
     */
    private static boolean notifyNow(KitMutex<Integer> m, Condvar c) {
        Thread notifier = new Thread(() -> {
            try (MutexGuard<Integer> g = m.lock().unwrap()) {
                g.set(1);
            }
            c.notifyOne();
        }, "notifier");
        notifier.setDaemon(true);
        notifier.start();
        long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (notifier.isAlive() && System.nanoTime() - end < 0) {
            Thread.State s = notifier.getState();
            if (s == Thread.State.BLOCKED || s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING) {
                break;
            }
            Thread.onSpinWait();
        }
        return !notifier.isAlive();
    }

    /**
     * A barrier on the condvar: {@value #PARTIES} threads, {@value #CROSSINGS} crossings a round.
     * Each thread counts itself in under the lock; the last one starts the next generation and
     * calls notifyAllWaiters(); the others waitWhile(the generation is theirs). Each of them
     * waits, registered, when the last one notifies, so one lost or partial notifyAllWaiters()
     * leaves threads waiting for good.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"C1", "C2"}, dependsOnScheduling = true)
    void barrier_crossings() {
        Condvars.requireImplemented();
        Stress.of("condvar/barrier_crossings", Barrier::new)
                .threads(PARTIES).rounds(4).roundTimeout(Duration.ofSeconds(1))
                .onHang("threads crossing a barrier built on the condvar stayed waiting: a notifyAllWaiters() sent "
                        + "while they waited did not wake them all (C1). It must wake every thread waiting right now, "
                        + "and a thread registered before its unlock is waiting.")
                .diagnose(Barrier::state)
                .run((b, t) -> b.cross(CROSSINGS), b -> { });
    }

    /** A reusable barrier: a count of arrivals and a generation, in the kit's mutex. */
    private static final class Barrier {
        private final KitMutex<long[]> state = Condvars.mutex(new long[2]);
        private final Condvar c = Condvars.fresh();

        void cross(int crossings) {
            for (int i = 0; i < crossings; i++) {
                MutexGuard<long[]> g = state.lock().unwrap();
                long[] s = g.get();
                long generation = s[1];
                s[0]++;
                if (s[0] == PARTIES) {
                    s[0] = 0;
                    s[1]++;
                    c.notifyAllWaiters();
                } else {
                    g = c.waitWhile(g, v -> v[1] == generation).unwrap();
                }
                g.close();
                Patience.progress();
            }
        }

        String state() {
            var g = state.tryLock();
            if (g.isErr()) {
                return "the barrier's mutex is locked";
            }
            try (MutexGuard<long[]> held = g.unwrap()) {
                long[] s = held.get();
                return "generation " + s[1] + ", " + s[0] + " of " + PARTIES + " threads arrived and waiting";
            }
        }
    }
}
