package fearless.exercises.spawn;

import fearless.api.thread.Threads;
import fearless.api.thread.ThreadsProvider;

/** How the grader finds your {@link Spawner}. Nothing to do here. */
public final class NewThreads implements ThreadsProvider {

    @Override
    public Threads threads() {
        return new Spawner();
    }
}
