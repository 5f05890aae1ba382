package fearless.grader.checks.arc;

import fearless.api.Result;
import fearless.api.sync.Arc;
import fearless.api.sync.ArcProvider;
import fearless.api.sync.Weak;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.race.ModelCheck;
import fearless.grader.check.race.ModelCheck.Scenario;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.Stress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentest4j.AssertionFailedError;

/**
 * Races on the handles of one value (A6): clones, closes, upgrades and unwraps on two threads,
 * explored interleaving by interleaving by the model checker ({@link SharedValue}), and many
 * threads cloning, upgrading and closing at once, with the counts checked exactly at the end.
 */
@Exercise("arc")
class ArcRaceChecks {

    private static final String[] ATOMIC = {"fearless.api.Result", "java.util.Optional"};

    /**
     * Two threads clone and close their own handles of one value, every way their steps can
     * interleave (the spirit of Rust's {@code manually_share_arc}, with the closes racing): the
     * value must be dropped exactly once, by the last close, and never while a handle still owns
     * it. A count changed by a read and a separate write loses one of two changes made at once.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"A1", "A2", "A6"})
    void concurrent_clones_and_closes_drop_once() {
        ModelCheck.of("arc/concurrent_clones_and_closes_drop_once", SharedValue.class)
                .scenario(Scenario.of().thread("cloneA", "closeA", "closeA2").thread("closeB").post("endsOnce"))
                .invocations(150)
                .atomic(ATOMIC)
                .onFailure("two threads cloning and closing handles of one value lost a change of the strong count: "
                        + "the value was dropped twice, never, or while a handle still owned it (A6, A1, A2). Below: "
                        + "the results, then the interleaving; look for two threads that read the same count before "
                        + "either wrote it. Change a count in one atomic step (incrementAndGet, decrementAndGet, or "
                        + "under one lock), and let only the thread whose decrement reached zero drop the value.")
                .onHang("cloning or closing handles of one value on two threads never finished (A6)")
                .onException("cloning or closing handles on two threads threw, although it works on one thread: see "
                        + "the interleaving below (A6)")
                .check();
    }

    /**
     * A weak reference's upgrade racing the close of the last strong handle (Rust's {@code upgrade}
     * loop): either the upgrade wins, and the value lives on in the new handle until it is closed,
     * or it fails and the value is dropped once; never both. An upgrade that tests the count and
     * then raises it in a separate step brings a dropped value back.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"A5", "A6"})
    void upgrade_racing_the_last_close() {
        ModelCheck.of("arc/upgrade_racing_the_last_close", SharedValue.class)
                .scenario(Scenario.of().init("closeB").thread("closeA").thread("upgradeAndClose").post("endsOnce"))
                .invocations(150)
                .atomic(ATOMIC)
                .onFailure("an upgrade racing the close of the last strong handle gave a strong reference to a value "
                        + "that was dropped, or the value was dropped twice (A5, A6). Below: the results and the "
                        + "interleaving; look for the close that took the count to zero between the upgrade's look "
                        + "at the count and its increment. Raise the count only from a value above zero, in one "
                        + "step: a compare-and-set loop, or one lock around both.")
                .onHang("an upgrade racing the last close never finished (A5, A6)")
                .onException("an upgrade racing the last close threw, although both work on one thread: see the "
                        + "interleaving below (A5, A6)")
                .check();
    }

    /**
     * {@code tryUnwrap} racing on the last two handles (each closes its handle when it gets Err
     * back), and racing an upgrade of the only other reference: at most one caller gets the value,
     * and then it is not dropped; otherwise it is dropped once (A3, A6). Both calls may fail, as in
     * Rust; what must never happen is two owners of one value.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"A3", "A6"})
    void try_unwrap_races() {
        ModelCheck.of("arc/try_unwrap_races", SharedValue.class)
                .scenario(Scenario.of().thread("unwrapA").thread("unwrapB").post("endsOnce"))
                .scenario(Scenario.of().init("closeB").thread("unwrapA").thread("upgradeAndClose").post("endsOnce"))
                .invocations(150)
                .atomic(ATOMIC)
                .onFailure("tryUnwrap racing another tryUnwrap or an upgrade let the value have two owners: it was "
                        + "taken and dropped, taken twice, or taken while an upgraded handle still used it (A3, A6). "
                        + "Below: the results and the interleaving. tryUnwrap must take the strong count from "
                        + "exactly 1 to 0 in one step (a compare-and-set, or one lock), and leave it alone otherwise.")
                .onHang("tryUnwrap racing another thread never finished (A3, A6)")
                .onException("tryUnwrap racing another thread threw, although it works on one thread: see the "
                        + "interleaving below (A3, A6)")
                .check();
    }

    /** Threads per stress round and clone/close iterations per thread. */
    private static final int THREADS = 4;
    private static final int ITERATIONS = 2_000;

    /**
     * {@value #THREADS} threads each clone, downgrade, upgrade and close their own handles of one
     * value {@value #ITERATIONS} times at once. Afterwards, with one strong and one weak handle
     * kept by the check, the counts must be exactly 1 and 1, and closing the last handle drops the
     * value once. No handle may ever find the value dropped while it owns it.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"A1", "A2", "A6"}, dependsOnScheduling = true)
    void many_threads_clone_and_close() {
        ArcProvider arcs = Submission.provider(ArcProvider.class);
        Stress.of("arc/many_threads_clone_and_close", () -> new Crowd(arcs))
                .threads(THREADS).rounds(4).roundTimeout(Duration.ofSeconds(2))
                .onHang("threads cloning and closing handles of one value did not finish (A6)")
                .run(Crowd::play, Crowd::verdict);
    }

    /** One value, a strong and a weak handle the check keeps, and one strong handle per thread. */
    private static final class Crowd {
        private final AtomicInteger drops = new AtomicInteger();
        private final AtomicInteger deadSightings = new AtomicInteger();
        private final Arc<String> kept;
        private final Weak<String> keptWeak;
        private final Arc<String>[] mine;

        @SuppressWarnings("unchecked")
        Crowd(ArcProvider arcs) {
            kept = arcs.create("shared", v -> drops.incrementAndGet());
            keptWeak = kept.downgrade();
            mine = new Arc[THREADS];
            for (int t = 0; t < THREADS; t++) {
                mine[t] = kept.cloneArc();
            }
        }

        void play(int t) {
            Arc<String> own = mine[t];
            for (int i = 0; i < ITERATIONS; i++) {
                Arc<String> clone = own.cloneArc();
                Weak<String> weak = clone.downgrade();
                Optional<Arc<String>> up = weak.upgrade();
                if (up.isEmpty() || !"shared".equals(up.get().get()) || drops.get() != 0) {
                    deadSightings.incrementAndGet();
                }
                up.ifPresent(Arc::close);
                weak.close();
                clone.close();
                if (i % 64 == 0) {
                    Patience.progress();
                }
            }
            own.close();
        }

        void verdict() {
            int strong = kept.strongCount();
            int weak = kept.weakCount();
            int early = drops.get();
            kept.close();
            int total = drops.get();
            keptWeak.close();
            String counts = "after " + THREADS + " threads each cloned, downgraded, upgraded and closed " + ITERATIONS
                    + " times and closed their own handle, with one strong and one weak handle left: ";
            if (early != 0 || deadSightings.get() != 0) {
                throw new AssertionFailedError("the value was dropped while handles still owned it (A6, A2): "
                        + counts + "the drop action had run " + early + " times before the last close, and "
                        + deadSightings.get() + " upgrades found the value gone. A count lost a change made by "
                        + "another thread at the same moment. This depends on the scheduler: rerun to see it again.");
            }
            if (strong != 1 || weak != 1 || total != 1) {
                throw new AssertionFailedError("counts were lost under concurrent clones and closes (A6, A1): "
                        + counts + "strongCount() is " + strong + " and weakCount() is " + weak + " (both should be 1), "
                        + "and closing the last strong handle ran the drop action " + total + " times (should be "
                        + "once). Change every count in one atomic step. This depends on the scheduler: rerun to see "
                        + "it again.");
            }
        }
    }
}
