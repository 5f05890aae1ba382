package fearless.api.capstones;

import fearless.api.mutex.MutexProvider;
import fearless.api.thread.Threads;

/**
 * How the grader obtains a submission's {@link DiningPhilosophers}. Register the implementation
 * in {@code META-INF/services/fearless.api.capstones.DiningPhilosophersProvider}.
 */
public interface DiningPhilosophersProvider {

    /**
     * A table whose philosophers are spawned through {@code threads}, and no other thread, and
     * whose forks are mutexes made by {@code mutexes}, and no other lock. The grader passes the
     * kit's own working threads and mutexes, so this exercise is graded on its own even while
     * those exercises are unfinished, and so it sees which philosopher holds and waits for which
     * fork.
     */
    DiningPhilosophers table(Threads threads, MutexProvider mutexes);
}
