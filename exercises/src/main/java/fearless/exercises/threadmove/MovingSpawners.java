package fearless.exercises.threadmove;

import fearless.api.thread.MoveSpawner;
import fearless.api.thread.MoveSpawnerProvider;
import fearless.api.thread.Threads;

/** How the grader finds your {@link MovingSpawner}. Nothing to do here. */
public final class MovingSpawners implements MoveSpawnerProvider {

    @Override
    public MoveSpawner spawner(Threads threads) {
        return new MovingSpawner(threads);
    }
}
