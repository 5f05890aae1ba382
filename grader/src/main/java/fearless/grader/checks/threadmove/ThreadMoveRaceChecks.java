package fearless.grader.checks.threadmove;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.race.Stress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads racing to move the same boxes into threads, and a spawnAll racing a close. */
@Exercise("thread-move")
class ThreadMoveRaceChecks {

    /** Generous: a round is a few spawns, but a loaded machine must not turn it into a "hang". */
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(4);

    /**
     * Two threads race to spawn a thread moving the same box, box after box: exactly one spawn
     * wins each box, the other gets E0382, and the value is dropped once (T3, O7: two
     * {@code thread::spawn(move || ..)} of one value). It rests on the box's own atomic move, which
     * the kit's box has: a spawner that moves on the caller with {@code move()} wins it.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"T3", "O7"}, dependsOnScheduling = true)
    void racing_spawns_of_one_box() {
        Stress.of("thread-move/racing_spawns_of_one_box", SpawnRace::new).threads(2).rounds(12)
                .roundTimeout(ROUND_TIMEOUT)
                .onHang("threads spawning moves of the same box got stuck (T3)")
                .run(SpawnRace::play, SpawnRace::verify);
    }

    /**
     * A spawnAll of four boxes races another thread closing the last of them: either the thread
     * gets all four and drops them, or spawnAll is E0382, starts no thread, and no value is lost
     * or dropped twice (T3, O3).
     */
    @Graded(points = 2, category = Category.RACE, rules = {"T3", "O3"}, dependsOnScheduling = true)
    void spawn_all_racing_a_close() {
        AtomicInteger round = new AtomicInteger();
        Stress.of("thread-move/spawn_all_racing_a_close", () -> new CloseRace(round.getAndIncrement() % 3))
                .threads(2).rounds(30)
                .roundTimeout(ROUND_TIMEOUT)
                .onHang("a spawnAll racing a close got stuck (T3)")
                .run(CloseRace::play, CloseRace::verify);
    }
}
