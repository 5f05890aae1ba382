package fearless.api.thread;

import fearless.api.ownership.BoxProvider;

/**
 * How the grader obtains a submission's {@link MoveSpawner}. Register the implementation in
 * {@code META-INF/services/fearless.api.thread.MoveSpawnerProvider}.
 */
public interface MoveSpawnerProvider {

    /**
     * A spawner that starts its threads through {@code threads}. The grader passes the kit's own
     * {@link Threads} and creates the {@code Box}es with the kit's own {@link BoxProvider}, so this
     * exercise is graded on its own even while {@code spawn} or {@code box} is unfinished.
     */
    MoveSpawner spawner(Threads threads);
}
