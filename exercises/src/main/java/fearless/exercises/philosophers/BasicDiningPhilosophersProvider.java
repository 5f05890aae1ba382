package fearless.exercises.philosophers;

import fearless.api.capstones.DiningPhilosophers;
import fearless.api.capstones.DiningPhilosophersProvider;
import fearless.api.mutex.MutexProvider;
import fearless.api.thread.Threads;

/** How the grader finds your {@link BasicDiningPhilosophers}. Nothing to do here. */
public final class BasicDiningPhilosophersProvider implements DiningPhilosophersProvider {

    @Override
    public DiningPhilosophers table(Threads threads, MutexProvider mutexes) {
        return new BasicDiningPhilosophers(threads, mutexes);
    }
}
