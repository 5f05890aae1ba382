package fearless.solutions.philosophers;

import fearless.api.capstones.DiningPhilosophers;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.MutexProvider;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Another sound scheme: everyone reaches left first, but a waiter (a counter behind one more
 * mutex, made after the forks) lets at most n - 1 philosophers reach for forks at once, so at
 * least one of them always finds both of its forks.
 */
public final class BasicDiningPhilosophers implements DiningPhilosophers {

    private final Threads threads;
    private final MutexProvider mutexes;

    public BasicDiningPhilosophers(Threads threads, MutexProvider mutexes) {
        this.threads = threads;
        this.mutexes = mutexes;
    }

    @Override
    public void dine(int philosophers, int meals, IntConsumer eat) {
        if (philosophers < 2 || meals < 0) {
            throw new IllegalArgumentException(philosophers + " philosophers, " + meals + " meals");
        }
        List<Mutex<Integer>> forks = new ArrayList<>();
        for (int i = 0; i < philosophers; i++) {
            forks.add(mutexes.create(i));
        }
        Mutex<Integer> reaching = mutexes.create(0);
        List<JoinHandle<Void>> seated = new ArrayList<>();
        for (int i = 0; i < philosophers; i++) {
            int me = i;
            Mutex<Integer> left = forks.get(i);
            Mutex<Integer> right = forks.get((i + 1) % philosophers);
            seated.add(threads.spawn(() -> {
                for (int meal = 0; meal < meals; meal++) {
                    waitForASeat(reaching, philosophers - 1);
                    try (MutexGuard<Integer> a = left.lock().unwrap(); MutexGuard<Integer> b = right.lock().unwrap()) {
                        eat.accept(me);
                    } finally {
                        try (MutexGuard<Integer> count = reaching.lock().unwrap()) {
                            count.set(count.get() - 1);
                        }
                    }
                }
                return null;
            }));
        }
        for (JoinHandle<Void> philosopher : seated) {
            philosopher.join();
        }
    }

    private static void waitForASeat(Mutex<Integer> reaching, int seats) {
        while (true) {
            try (MutexGuard<Integer> count = reaching.lock().unwrap()) {
                if (count.get() < seats) {
                    count.set(count.get() + 1);
                    return;
                }
            }
            Thread.yield();
        }
    }
}
