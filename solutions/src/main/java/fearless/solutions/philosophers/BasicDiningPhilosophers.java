package fearless.solutions.philosophers;

import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.capstones.DiningPhilosophers;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.mutex.MutexProvider;
import fearless.api.mutex.PoisonError;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.Threads;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Every philosopher takes the lower-numbered of its two forks first. All but the last then
 * reach left first and the last reaches right first, so the circle of waits that deadlocks the
 * table can never close: of the last philosopher and philosopher 0, one waits for fork 0 while
 * holding nothing.
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
            throw new IllegalArgumentException("a table needs 2 or more philosophers and 0 or more meals, not "
                    + philosophers + " and " + meals);
        }
        List<Mutex<Integer>> forks = new ArrayList<>();
        for (int fork = 0; fork < philosophers; fork++) {
            forks.add(mutexes.create(fork));
        }
        List<JoinHandle<Void>> seated = new ArrayList<>();
        for (int seat = 0; seat < philosophers; seat++) {
            int philosopher = seat;
            seated.add(threads.builder().name("philosopher-" + seat).spawn(() -> {
                for (int meal = 0; meal < meals; meal++) {
                    eatOnce(philosopher, forks, eat);
                }
                return null;
            }));
        }
        Object failure = null;
        for (JoinHandle<Void> philosopher : seated) {
            Result<Void, Object> outcome = philosopher.join();
            if (failure == null && outcome.isErr()) {
                failure = outcome.unwrapErr();
            }
        }
        if (failure != null) {
            throw new Panic("a philosopher failed: " + failure, failure);
        }
    }

    /** One meal: the lower fork, then the higher, eat, and both down (in reverse) before the next. */
    private static void eatOnce(int philosopher, List<Mutex<Integer>> forks, IntConsumer eat) {
        int left = philosopher;
        int right = (philosopher + 1) % forks.size();
        try (MutexGuard<Integer> first = pickUp(forks.get(Math.min(left, right)));
                MutexGuard<Integer> second = pickUp(forks.get(Math.max(left, right)))) {
            eat.accept(philosopher);
        }
    }

    private static MutexGuard<Integer> pickUp(Mutex<Integer> fork) {
        Result<MutexGuard<Integer>, PoisonError<MutexGuard<Integer>>> held = fork.lock();
        return held instanceof Result.Ok<MutexGuard<Integer>, PoisonError<MutexGuard<Integer>>> ok ? ok.value()
                : held.unwrapErr().intoInner();
    }
}
