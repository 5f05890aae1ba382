package fearless.grader.checks.box;

import fearless.api.ownership.BoxProvider;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Submission;
import fearless.grader.check.race.ModelCheck;
import fearless.grader.check.race.ModelCheck.Scenario;
import fearless.grader.check.race.Stress;
import java.time.Duration;

/** Threads racing on one box: moves and closes from several threads at once. */
@Exercise("box")
class BoxRaceChecks {

    /** Boxes per round: each is a separate race, so one round gives many chances to catch a bad one. */
    private static final int BOXES = 256;

    /** Rounds per stress run, each with fresh boxes and fresh threads. */
    private static final int ROUNDS = 4;

    /** Generous: a round takes milliseconds, but a loaded machine must not turn it into a "hang". */
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Two, then four threads race to move the same boxes: exactly one wins each box, the others get
     * E0382, and the value is dropped once (O7, like a {@code let b2 = b1;} on two threads).
     */
    @Graded(points = 3, category = Category.RACE, rules = {"O7", "O1"})
    void racing_moves() {
        BoxProvider boxes = Submission.provider(BoxProvider.class);
        for (int threads : new int[] {2, 4}) {
            Stress.of("box/racing_moves", () -> new MoveRace(boxes, BOXES, threads))
                    .threads(threads).rounds(ROUNDS).roundTimeout(ROUND_TIMEOUT)
                    .onHang("threads moving the same box got stuck (O7)")
                    .run((race, t) -> race.moveAll(t), race -> race.verify(threads));
        }
    }

    /** Many threads close the same boxes at once: each value is dropped exactly once (O3, O7). */
    @Graded(points = 2, category = Category.RACE, rules = {"O3", "O7"})
    void racing_closes() {
        BoxProvider boxes = Submission.provider(BoxProvider.class);
        Stress.of("box/racing_closes", () -> new CloseRace(boxes, BOXES, 4))
                .threads(4).rounds(ROUNDS).roundTimeout(ROUND_TIMEOUT)
                .onHang("threads closing the same box got stuck (O3)")
                .run((race, t) -> race.closeAll(t), race -> race.verify(4));
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
                .onFailure("two threads raced on one box and both won: two moves got the value, or a move and a "
                        + "close both took it, so it had two owners or was dropped twice (O7, O3). The table shows "
                        + "the results, then the interleaving; look for the step where both threads saw the box "
                        + "still owned. Check and mark the handle in one atomic step.")
                .check();
    }
}
