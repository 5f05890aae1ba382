package fearless.solutions.threadmove;

import fearless.api.thread.MoveSpawner;
import fearless.api.thread.MoveSpawnerProvider;
import fearless.api.thread.Threads;

/** Hands the grader {@link MovingSpawner}s. */
public final class MovingSpawners implements MoveSpawnerProvider {

    @Override
    public MoveSpawner spawner(Threads threads) {
        return new MovingSpawner(threads);
    }
}
