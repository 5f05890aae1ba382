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

/** Another sound scheme: even philosophers reach right first, odd ones left first. */
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
        List<JoinHandle<Void>> seated = new ArrayList<>();
        for (int i = 0; i < philosophers; i++) {
            int me = i;
            int left = i;
            int right = (i + 1) % philosophers;
            Mutex<Integer> first = forks.get(me % 2 == 0 ? right : left);
            Mutex<Integer> second = forks.get(me % 2 == 0 ? left : right);
            seated.add(threads.spawn(() -> {
                for (int meal = 0; meal < meals; meal++) {
                    try (MutexGuard<Integer> a = first.lock().unwrap(); MutexGuard<Integer> b = second.lock().unwrap()) {
                        eat.accept(me);
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
