package fearless.grader.checks.parker;

import fearless.api.thread.Parker;
import fearless.api.thread.Unparker;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.race.ModelCheck;
import fearless.grader.check.race.ModelCheck.Scenario;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.Stress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Races between an unpark and a park: the lost wake-up, explored interleaving by interleaving by
 * the model checker, and many park/unpark hand-offs between two threads, where one lost wake-up
 * leaves both threads parked for good.
 */
@Exercise("parker")
class ParkerRaceChecks {

    /** Hand-offs per round: each is a chance for the unpark to land between a park's check and its wait. */
    private static final int HANDOFFS = 2_000;

    /**
     * The unpark racing the park, explored interleaving by interleaving: whichever comes first,
     * and above all when the unpark lands between the park's look at the token and its wait, the
     * park returns. A parker that looks at the token outside the lock it waits under loses that
     * unpark, and the model checker shows the interleaving.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"T7"})
    void unpark_racing_park_is_never_lost() {
        Parkers.requireImplemented();
        ModelCheck.of("parker/unpark_racing_park_is_never_lost", ParkHandoff.class)
                .scenario(Scenario.of().thread("unpark").thread("park"))
                .invocations(150)
                .onHang("a park never returned although another thread unparked it: the unpark came between the "
                        + "park's look at the token and its wait, and its wake-up was lost (T7). Below: the "
                        + "interleaving; look for the unpark that runs after the park saw no token and before it "
                        + "waits. Look at the token and wait under the same lock, the one unpark() sets it under.")
                .onFailure("a park and an unpark racing on two threads gave results no order of the two explains (T7); "
                        + "see the interleaving below.")
                .onException("park() or unpark() threw under concurrency, although they work on one thread: see the "
                        + "interleaving below (T7)")
                .check();
    }

    /**
     * Two threads hand a turn back and forth {@value #HANDOFFS} times, each parking until the
     * other has unparked it (in a loop on the turn, since a park may return spuriously). One lost
     * wake-up and both threads park for good: the run reports the hang with a thread dump.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"T7"}, dependsOnScheduling = true)
    void ping_pong_handoffs() {
        Parkers.requireImplemented();
        Stress.of("parker/ping_pong_handoffs", PingPong::new)
                .threads(2).rounds(4).roundTimeout(Duration.ofSeconds(1))
                .onHang("two threads handing a turn back and forth with park and unpark both stayed parked: an unpark "
                        + "was lost, so the thread it was for never woke (T7). An unpark that comes before the park, "
                        + "or between the park's look at the token and its wait, must still make the park return.")
                .diagnose(PingPong::state)
                .run((pp, t) -> pp.play(t, HANDOFFS), pp -> { });
    }

    /** Two parkers and a turn: thread 0 plays the even turns, thread 1 the odd ones. */
    private static final class PingPong {
        private final Parker[] parkers = {Parkers.fresh(), Parkers.fresh()};
        private final Unparker[] unparkers = {parkers[0].unparker(), parkers[1].unparker()};
        private final AtomicInteger turn = new AtomicInteger();

        void play(int me, int handoffs) {
            int other = 1 - me;
            for (int i = 0; i < handoffs; i++) {
                int mine = 2 * i + me;
                while (turn.get() != mine) {
                    parkers[me].park();
                }
                turn.set(mine + 1);
                unparkers[other].unpark();
                Patience.progress();
            }
        }

        String state() {
            int now = turn.get();
            return "the turn is " + now + " (thread " + (now % 2) + "'s, hand-off " + (now / 2 + 1) + "): it was "
                    + "unparked, and is still parked";
        }
    }
}
