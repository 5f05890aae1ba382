package fearless.grader.checks.spawn;

import static fearless.grader.checks.spawn.Spawns.check;
import static fearless.grader.checks.spawn.Spawns.patience;

import fearless.api.ErrorCode;
import fearless.api.Result;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.Threads;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.property.Outcome;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.Stress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/** Several threads on one handle at once (joins, a join and a close), and many threads spawning at once. */
@Exercise("spawn")
class SpawnRaceChecks {

    /** A generous bound for a stress round: a round ends as soon as its threads do. */
    private static final Duration ROUND = Duration.ofSeconds(5);

    /** What a join did, whatever it threw (an ownership error keeps its code). */
    private static Outcome joinOutcome(JoinHandle<?> h) {
        try {
            return Outcome.returned(h.join());
        } catch (Throwable e) {
            return Outcome.threw(e);
        }
    }

    /**
     * Two threads join the same handle while its thread still runs, then three at once, round
     * after round: exactly one joiner gets the result, every other one gets E0382 (join(self)
     * consumes the handle, and it can be consumed once).
     */
    @Graded(points = 2, category = Category.RACE, rules = {"T2"}, dependsOnScheduling = true)
    void racing_joins() {
        Spawns.requireWorking();
        Spawns.scenario("two threads joining one handle got stuck (T2)", SpawnRaceChecks::twoJoinersWhileRunning);
        Threads threads = Spawns.threads();
        Outcome won = Outcome.returned(Result.ok(42)).because("T2");
        Outcome lost = Outcome.error(ErrorCode.E0382).because("T2");
        Stress.of("spawn/racing_joins", () -> new JoinRace(threads.spawn(() -> {
            Thread.yield();
            return 42;
        }), 3))
                .threads(3).rounds(30).roundTimeout(ROUND)
                .onHang("threads joining the same handle got stuck (T2)")
                .run((race, t) -> race.outcomes[t] = joinOutcome(race.handle), race -> {
                    int winners = 0;
                    for (Outcome o : race.outcomes) {
                        if (won.matches(o)) {
                            winners++;
                        } else {
                            lost.verify("h.join() while another thread joined h", o);
                        }
                    }
                    check(winners == 1, "three threads joined the same handle at once and " + winners + " of them got "
                            + "Ok(42): exactly one join takes the result, the others get E0382 (T2)");
                });
    }

    /** One handle and what each of its joiners got. */
    private static final class JoinRace {
        final JoinHandle<Integer> handle;
        final Outcome[] outcomes;

        JoinRace(JoinHandle<Integer> handle, int joiners) {
            this.handle = handle;
            this.outcomes = new Outcome[joiners];
        }
    }

    /**
     * A first joiner waits for a thread that is still running; a second one joins the same
     * handle meanwhile. It must get E0382 at once: the first join already consumed the handle.
     */
    private static void twoJoinersWhileRunning() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        JoinHandle<String> h = Spawns.threads().spawn(() -> Spawns.await(release) ? "v" : "gave up");
        Outcome[] got = new Outcome[2];
        Thread first = Spawns.helper("first joiner", () -> got[0] = joinOutcome(h));
        Spawns.within(patience(Duration.ofSeconds(1)), () -> Spawns.isWaiting(first) || !first.isAlive());
        Thread second = Spawns.helper("second joiner", () -> got[1] = joinOutcome(h));
        Spawns.ended(second, patience(Duration.ofMillis(500)));
        release.countDown();
        Duration bound = patience(Duration.ofSeconds(2));
        check(Spawns.ended(first, bound) && Spawns.ended(second, bound), "a join() did not return after the thread "
                + "ended (T2)");
        Outcome ok = Outcome.returned(Result.ok("v"));
        Outcome dead = Outcome.error(ErrorCode.E0382);
        if (ok.matches(got[0]) && ok.matches(got[1])) {
            throw new AssertionFailedError("two threads joined the same handle, the second while the first was "
                    + "still waiting, and both got Ok(\"v\"): join consumes the handle (T2). Mark it used in one "
                    + "atomic step before waiting (compareAndSet), so the second join gets E0382 at once");
        }
        // On a loaded machine the second joiner may come first: either order is right, one Ok and one E0382.
        boolean oneEach = ok.matches(got[0]) && dead.matches(got[1]) || dead.matches(got[0]) && ok.matches(got[1]);
        check(oneEach, () -> "two threads joined the same handle, the second while the first was still waiting: one "
                + "join should give Ok(\"v\") and the other fail with error[E0382] (T2), but they gave " + got[0]
                + " and " + got[1]);
    }

    /**
     * A join and a close race on the same handle, round after round, while the thread runs: the
     * join gets the result or E0382, the close returns at once without interrupting the thread,
     * and the thread runs to its end either way (T2, T4). The thread waits for the close to
     * return before it ends, so a close that waits for the thread is caught.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"T2", "T4"}, dependsOnScheduling = true)
    void join_races_close() {
        Spawns.requireWorking();
        Threads threads = Spawns.threads();
        Duration closeBound = patience(Duration.ofSeconds(1));
        Outcome joined = Outcome.returned(Result.ok(7));
        Outcome dead = Outcome.error(ErrorCode.E0382);
        Stress.of("spawn/join_races_close", () -> new CloseRace(threads, closeBound))
                .threads(2).rounds(30).roundTimeout(ROUND)
                .onHang("a join and a close racing on one handle got stuck (T2, T4)")
                .run((race, t) -> {
                    if (t == 0) {
                        race.joined = joinOutcome(race.handle);
                    } else {
                        try {
                            race.handle.close();
                        } catch (Throwable e) {
                            race.closeFailure = e;
                        } finally {
                            race.closed.countDown();
                        }
                    }
                }, race -> {
                    check(race.finished.await(ROUND.toMillis(), TimeUnit.MILLISECONDS), "the thread never finished "
                            + "after a join and a close raced on its handle (T4)");
                    check(!race.gaveUp, "h.close() did not return within " + closeBound.toMillis() + " ms while the "
                            + "thread was still running: close detaches, it never waits for the thread (T4)");
                    check(!race.interrupted, "h.close() interrupted the thread: a detached thread keeps running, "
                            + "undisturbed (T4)");
                    Throwable e = race.closeFailure;
                    check(e == null, () -> "h.close() threw " + fearless.grader.check.Safely.describe(e)
                            + " while another thread joined h: close never fails (T4)");
                    check(joined.matches(race.joined) || dead.matches(race.joined), () -> "h.join(), racing with "
                            + "h.close() on another thread, should give Ok(7) if it came first or fail with "
                            + "error[E0382] if the close did (T2, T4), but " + race.joined.asActual());
                });
    }

    /** One handle whose thread waits until a close has returned, and what the racers saw. */
    private static final class CloseRace {
        final CountDownLatch closed = new CountDownLatch(1);
        final CountDownLatch finished = new CountDownLatch(1);
        final JoinHandle<Integer> handle;
        volatile boolean gaveUp;
        volatile boolean interrupted;
        volatile Outcome joined;
        volatile Throwable closeFailure;

        CloseRace(Threads threads, Duration closeBound) {
            handle = threads.spawn(() -> {
                try {
                    gaveUp = !closed.await(closeBound.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                interrupted |= Thread.currentThread().isInterrupted();
                finished.countDown();
                Patience.progress();
                return 7;
            });
        }
    }

    /**
     * Four threads each spawn 25 threads (plain and named) before joining any: every body runs
     * once, on a thread of its own that is none of the spawners, sees its own name, and every
     * join gives its own body's result (T1, T2, T5).
     */
    @Graded(points = 2, category = Category.RACE, rules = {"T1", "T2", "T5"}, dependsOnScheduling = true)
    void many_spawns_from_many_threads() {
        Spawns.requireWorking();
        Threads threads = Spawns.threads();
        int each = 25;
        Stress.of("spawn/many_spawns_from_many_threads", () -> new ConcurrentHashMap<Thread, String>())
                .threads(4).rounds(2).roundTimeout(ROUND)
                .onHang("threads spawning and joining many threads at once got stuck (T1, T2)")
                .run((ranOn, t) -> {
                    Thread spawner = Thread.currentThread();
                    List<JoinHandle<String>> handles = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        String id = "s" + t + "-" + i;
                        boolean named = i % 2 == 0;
                        java.util.function.Supplier<String> body = () -> {
                            Thread me = Thread.currentThread();
                            if (me == spawner) {
                                return "ran on the spawning thread";
                            }
                            if (named && !id.equals(me.getName())) {
                                return "ran on a thread named " + me.getName();
                            }
                            ranOn.put(me, id);
                            return id;
                        };
                        handles.add(named ? threads.builder().name(id).spawn(body) : threads.spawn(body));
                    }
                    for (int i = 0; i < each; i++) {
                        String id = "s" + t + "-" + i;
                        Result<String, Object> r = handles.get(i).join();
                        Patience.progress();
                        check(Result.ok(id).equals(r), () -> "the join of the thread spawned for " + id + " gave "
                                + Spawns.shown(r) + " instead of Ok(\"" + id + "\") (T1, T2, T5)");
                    }
                }, ranOn -> {
                    int distinct = ranOn.size();
                    check(distinct == 4 * each, () -> "4 threads spawned " + 4 * each + " bodies, but they ran on only "
                            + distinct + " distinct threads: each spawn starts a new thread (T1); "
                            + describe(ranOn));
                });
    }

    /** Which bodies shared a thread, in a few words. */
    private static String describe(Map<Thread, String> ranOn) {
        return "the last body seen on each thread: " + new ArrayList<>(ranOn.values()).subList(0,
                Math.min(6, ranOn.size())) + (ranOn.size() > 6 ? ", ..." : "");
    }
}
