package fearless.grader.checks.scoped;

import static fearless.grader.checks.scoped.Scoped.check;

import fearless.grader.check.Expect;
import fearless.api.thread.Scopes;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.ThreadLeaks;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Scoped threads under concurrency: none may outlive its scope, however they were spawned. */
@Exercise("scoped-threads")
class ScopedRaceChecks {

    /** Threads spawning at once in each round of {@link #concurrent_nested_spawns}. */
    private static final int SPAWNERS = 4;

    /** Threads each spawner spawns per round. */
    private static final int CHILDREN = 40;

    /** How long rounds of concurrent spawns go on, on an idle machine (stretched on a busy one). */
    private static final Duration SPAWN_BUDGET = Duration.ofMillis(350);

    /**
     * Every thread started in a scope, by the body or by scoped threads, has ended when
     * {@code scope()} returns: the live threads are compared before and after, and a thread still
     * running after it is a leak (T6). The threads are held until the caller waits in scope(), and
     * stay held if it returns first, so a leak is found every run.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"T6"})
    void no_thread_outlives_its_scope() {
        Scoped.requireWorking();
        Scoped.scenario("scope() whose threads spawn more threads did not return (T6)", () -> {
            Scopes scopes = Scoped.scopes();
            CallerWaits waits = new CallerWaits();
            AtomicBoolean bodyReturned = new AtomicBoolean();
            Thread[] outer = new Thread[3];
            try {
                ThreadLeaks.check("a thread started by the submission was still running after scope() returned (T6): "
                        + "a scope joins every thread spawned in it, by the body or by scoped threads, before it returns",
                        () -> {
                            try {
                                return scopes.scope(s -> {
                                    for (int i = 0; i < outer.length; i++) {
                                        int slot = i;
                                        s.spawn(() -> {
                                            outer[slot] = Thread.currentThread();
                                            if (waits.pass(bodyReturned::get)) {
                                                for (int j = 0; j < 2; j++) {
                                                    s.spawn(() -> waits.passAfterEnd(outer));
                                                }
                                            }
                                            return null;
                                        });
                                    }
                                    bodyReturned.set(true);
                                    return null;
                                });
                            } catch (RuntimeException e) {
                                throw Expect.unexpected("scope() whose threads spawn more threads", "return", e);
                            } finally {
                                waits.scopeReturnedKeepHolding();
                            }
                        });
            } finally {
                waits.release();
            }
        });
    }

    /**
     * Four scoped threads spawn forty threads each, all at once, while the body has already
     * returned and the scope waits; round after round: the scope waits for every one of them, also
     * those spawned after it started waiting, and no spawn fails (T6, T1). The children are held
     * until the spawners have ended and the caller still waits, so a scope that stops at the
     * threads it knew of is caught every round; a registry that loses concurrent spawns shows here
     * only when the scheduler lets a lost thread end last.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"T6", "T1"}, dependsOnScheduling = true)
    void concurrent_nested_spawns() {
        Scoped.requireWorking();
        Scoped.scenario("scope() with threads spawning at once did not return (T6)", () -> {
            Scopes scopes = Scoped.scopes();
            long deadline = System.nanoTime() + Patience.stretched(SPAWN_BUDGET, 1, Duration.ofSeconds(2)).toNanos();
            int round = 0;
            do {
                round++;
                spawnRound(scopes, round);
            } while (System.nanoTime() - deadline < 0);
        });
    }

    private static void spawnRound(Scopes scopes, int round) {
        CallerWaits waits = new CallerWaits();
        AtomicInteger ready = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        Thread[] spawners = new Thread[SPAWNERS];
        int total = SPAWNERS * CHILDREN;
        try {
            scopes.scope(s -> {
                for (int i = 0; i < SPAWNERS; i++) {
                    int slot = i;
                    s.spawn(() -> {
                        spawners[slot] = Thread.currentThread();
                        ready.incrementAndGet();
                        while (ready.get() < SPAWNERS) {
                            Thread.onSpinWait();
                        }
                        for (int j = 0; j < CHILDREN; j++) {
                            s.spawn(() -> {
                                if (waits.passAfterEnd(spawners)) {
                                    ended.incrementAndGet();
                                }
                                return null;
                            });
                        }
                        return null;
                    });
                }
                return null;
            });
        } catch (RuntimeException e) {
            throw Expect.unexpected("scope() in which " + SPAWNERS + " threads spawn " + CHILDREN + " threads each, at once",
                    "return (T6, T1)", e);
        } finally {
            waits.scopeReturned();
        }
        int seen = ended.get();
        check(seen == total, "scope() returned while " + (total - seen) + " of the " + total + " threads spawned at "
                + "once by " + SPAWNERS + " scoped threads had not ended (round " + round + "; T6): the scope lost "
                + "track of threads spawned while it was waiting, or spawned at the same time by several threads; "
                + "wait until its registry holds no thread left to wait for, and guard the registry with a lock");
    }
}
