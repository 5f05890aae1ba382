package fearless.grader.checks.box;

import fearless.api.ownership.BoxProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.race.ModelCheck;
import fearless.grader.check.race.ModelCheck.Scenario;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.Stress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongToIntFunction;
import java.util.function.Supplier;

/** Threads racing on one box: moves, closes and assignments from several threads at once. */
@Exercise("box")
class BoxRaceChecks {

    /** Boxes per round: each box is a separate race, so one round gives many chances to catch a bad one. */
    private static final int BOXES = 4_096;

    /**
     * Steps in which two threads really ran at the same time, wanted before two threads stop
     * racing: with a check-then-set move, 15 to 20% of such steps ended with two winners (measured).
     */
    private static final int CLOSE_STEPS = 2_000;

    /**
     * At most this long for two threads, however few close steps a busy machine allows. An idle
     * two-core machine gives the close steps in a few dozen milliseconds; a loaded virtual one was
     * measured to give none at all for half a second at a time, and with a second grading run
     * beside it 1.5 s once gave too few to catch a check-then-set move (19 of 20 runs), and 4 s
     * once too few beside a full build and two other gradings (49 of 50 runs). So the budget
     * stretches with the machine's measured slowdown ({@link Patience#stretched}), up to
     * {@link #MAX_PAIR_BUDGET}: a busy machine makes the check slower, never weaker.
     */
    private static final Duration PAIR_BUDGET = Duration.ofMillis(4_000);

    /** The pair budget on the busiest machine: well inside the check's time limit. */
    private static final Duration MAX_PAIR_BUDGET = Duration.ofMillis(7_000);

    /** How long four threads race: they outnumber a small machine's cores, so they mostly take turns. */
    private static final Duration CROWD_BUDGET = Duration.ofMillis(40);

    /** Generous: a round ends at its deadline, but a loaded machine must not turn it into a "hang". */
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(5);

    /** Interleavings per scenario: each scenario has two threads of one call, so a few hundred cover it. */
    private static final int INTERLEAVINGS = 300;

    /**
     * The api's error types, run by the model checker as one step each: building an E0382 error
     * (its message, its stack trace) touches no shared state, and without this the explored
     * interleavings would mostly be switches inside its constructor.
     */
    private static final String[] ERRORS = {"fearless.api.OwnershipError", "fearless.api.ErrorCode"};

    /**
     * Two threads race to move the same boxes, round after round, then four threads: exactly one
     * wins each box, the others get E0382, and the value is dropped once (O7, like a
     * {@code let b2 = b1;} on two threads).
     */
    @Graded(points = 3, category = Category.RACE, rules = {"O7", "O1"}, dependsOnScheduling = true)
    void racing_moves() {
        BoxProvider boxes = Submission.provider(BoxProvider.class);
        String hang = "threads moving the same box got stuck (O7)";
        race(Patience.stretched(PAIR_BUDGET, 1, MAX_PAIR_BUDGET), CLOSE_STEPS, deadline ->
                round("box/racing_moves", () -> new MoveRace(boxes, BOXES, 2, deadline), hang, 2));
        race(CROWD_BUDGET, Integer.MAX_VALUE, deadline ->
                round("box/racing_moves", () -> new MoveRace(boxes, BOXES, 4, deadline), hang, 4));
    }

    /** Two, then four threads close the same boxes at once: each value is dropped exactly once (O3, O7). */
    @Graded(points = 2, category = Category.RACE, rules = {"O3", "O7"}, dependsOnScheduling = true)
    void racing_closes() {
        BoxProvider boxes = Submission.provider(BoxProvider.class);
        String hang = "threads closing the same box got stuck (O3)";
        race(Patience.stretched(PAIR_BUDGET, 1, MAX_PAIR_BUDGET), CLOSE_STEPS, deadline ->
                round("box/racing_closes", () -> new CloseRace(boxes, BOXES, 2, deadline), hang, 2));
        race(CROWD_BUDGET, Integer.MAX_VALUE, deadline ->
                round("box/racing_closes", () -> new CloseRace(boxes, BOXES, 4, deadline), hang, 4));
    }

    /** One round of {@code threads} threads playing a fresh race; returns its close steps. */
    private static int round(String checkId, Supplier<BoxRace> fresh, String onHang, int threads) {
        AtomicInteger closeSteps = new AtomicInteger();
        Stress.of(checkId, fresh).threads(threads).rounds(1).roundTimeout(ROUND_TIMEOUT).onHang(onHang)
                .run(BoxRace::play, race -> {
                    race.verify(threads);
                    closeSteps.set(race.closeSteps());
                });
        return closeSteps.get();
    }

    /**
     * Runs rounds (at least one) until they have given {@code wanted} close steps or {@code budget}
     * has passed; each round also stops at the deadline.
     */
    private static void race(Duration budget, int wanted, LongToIntFunction round) {
        long deadline = System.nanoTime() + budget.toNanos();
        int seen = 0;
        do {
            seen += round.applyAsInt(deadline);
        } while (seen < wanted && System.nanoTime() - deadline < 0);
    }

    /**
     * Racing moves (and a move racing a close), explored interleaving by interleaving by the model
     * checker: catches a move that checks, then sets, deterministically (O7).
     */
    @Graded(points = 2, category = Category.RACE, rules = {"O7", "O3"})
    void moves_are_linearizable() {
        ModelCheck.of("box/moves_are_linearizable", ContestedBox.class)
                .scenario(Scenario.of().thread("move").thread("move").post("closeAll"))
                .scenario(Scenario.of().thread("move").thread("close").post("closeAll"))
                .invocations(INTERLEAVINGS)
                .atomic(ERRORS)
                .onFailure("two threads raced on one box and both won: two moves got the value, or a move and a "
                        + "close both took it, so it had two owners or was dropped twice (O7, O3). The table shows "
                        + "the results, then the interleaving; look for the step where both threads saw the box "
                        + "still owned. Check and mark the handle in one atomic step.")
                .check();
    }

    /**
     * An assignment racing a move, and a replace racing a close, explored interleaving by
     * interleaving: the old value is taken out by exactly one of them, so it is never dropped
     * twice, nor handed back after it was dropped (O7, O3).
     */
    @Graded(points = 2, category = Category.RACE, rules = {"O7", "O3"})
    void assignments_are_linearizable() {
        ModelCheck.of("box/assignments_are_linearizable", ContestedBox.class)
                .scenario(Scenario.of().thread("move").thread("set").post("closeAll"))
                .scenario(Scenario.of().thread("close").thread("replace").post("closeAll"))
                .invocations(INTERLEAVINGS)
                .atomic(ERRORS)
                .onFailure("a set() or replace() raced a move() or close() on another thread and both took the old "
                        + "value: it was dropped twice, or handed back after it was dropped, or the new value was "
                        + "lost (O7, O3). The table shows the results (closeAll counts the drops), then the "
                        + "interleaving; look for the step where both threads saw the box still owning \"v\". Check "
                        + "that the handle owns a value and put the new one in, in one atomic step.")
                .check();
    }
}
