package fearless.solutions.philosophers;

import fearless.api.capstones.DiningPhilosophers;
import fearless.api.mutex.MutexProvider;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/** MUTANT: the forks are ReentrantLocks of the table's own; the mutexes given are never used. */
public final class BasicDiningPhilosophers implements DiningPhilosophers {

    private final Threads threads;

    public BasicDiningPhilosophers(Threads threads, MutexProvider mutexes) {
        this.threads = threads;
    }

    @Override
    public void dine(int philosophers, int meals, IntConsumer eat) {
        if (philosophers < 2 || meals < 0) {
            throw new IllegalArgumentException(philosophers + " philosophers, " + meals + " meals");
        }
        ReentrantLock[] forks = new ReentrantLock[philosophers];
        for (int i = 0; i < philosophers; i++) {
            forks[i] = new ReentrantLock();
        }
        List<JoinHandle<Void>> seated = new ArrayList<>();
        for (int i = 0; i < philosophers; i++) {
            int me = i;
            ReentrantLock first = forks[Math.min(i, (i + 1) % philosophers)];
            ReentrantLock second = forks[Math.max(i, (i + 1) % philosophers)];
            seated.add(threads.spawn(() -> {
                for (int meal = 0; meal < meals; meal++) {
                    first.lock();
                    second.lock();
                    try {
                        eat.accept(me);
                    } finally {
                        second.unlock();
                        first.unlock();
                    }
                }
                return null;
            }));
        }
        for (JoinHandle<Void> philosopher : seated) {
            philosopher.join();
        }
    }
}
