package fearless.solutions.philosophers;

import fearless.api.capstones.DiningPhilosophers;
import fearless.api.capstones.DiningPhilosophersProvider;
import fearless.api.mutex.MutexProvider;
import fearless.api.thread.Threads;

/** The solution's provider: a table on the threads and mutexes the grader gives. */
public final class BasicDiningPhilosophersProvider implements DiningPhilosophersProvider {

    @Override
    public DiningPhilosophers table(Threads threads, MutexProvider mutexes) {
        return new BasicDiningPhilosophers(threads, mutexes);
    }
}
