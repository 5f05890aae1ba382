package fearless.grader.checks.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.api.channel.Channel;
import fearless.api.mutex.Mutex;
import fearless.api.mutex.MutexGuard;
import fearless.api.thread.JoinHandle;
import fearless.grader.check.race.Patience;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class KitWaitsTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    @Test
    void two_threads_locking_in_opposite_orders_form_a_cycle_of_two() throws Exception {
        KitMutexes mutexes = new KitMutexes();
        Mutex<Integer> a = mutexes.create(0);
        Mutex<Integer> b = mutexes.create(1);
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread one = daemon("one", () -> crossLock(a, b, bothHoldOne));
        Thread two = daemon("two", () -> crossLock(b, a, bothHoldOne));
        assertTrue(Patience.until(BOUND, () -> KitWaits.cycle(List.of(one, two)).size() == 2));
        assertEquals(Set.of(one, two), Set.copyOf(KitWaits.cycle(List.of(one, two))));
        assertEquals(two, KitWaits.waitsFor(one).orElseThrow());
        String explained = KitWaits.explain(List.of(one, two));
        assertTrue(explained.contains("'one' waits in lock() on a mutex held by 'two'"), explained);
        assertTrue(explained.contains("wait cycle (deadlock)"), explained);
    }

    @Test
    void a_join_of_a_thread_waiting_in_recv_is_explained_without_a_cycle() {
        KitThreads threads = new KitThreads();
        Channel<Integer> channel = new KitChannels().channel();
        JoinHandle<Object> worker = threads.builder().name("worker").spawn(() -> channel.receiver().recv());
        Thread workerThread = threads.threads().get(0);
        Thread joiner = daemon("joiner", worker::join);
        assertTrue(Patience.until(BOUND, () -> KitWaits.waitsFor(joiner).isPresent()
                && KitWaits.explain(List.of(workerThread)).contains("recv()")));
        assertEquals(workerThread, KitWaits.waitsFor(joiner).orElseThrow());
        String explained = KitWaits.explain(List.of(joiner, workerThread));
        assertTrue(explained.contains("'joiner' waits in join() of 'worker'"), explained);
        assertTrue(explained.contains("'worker' waits in recv() on channel #0, nothing buffered, 1 sender still open"),
                explained);
        assertTrue(KitWaits.cycle(List.of(joiner, workerThread)).isEmpty());
        channel.sender().close();
        assertTrue(Patience.until(BOUND, () -> !joiner.isAlive()));
        assertTrue(KitWaits.explain(List.of(joiner, workerThread)).isEmpty());
    }

    private static void crossLock(Mutex<Integer> first, Mutex<Integer> second, CountDownLatch bothHoldOne) {
        try (MutexGuard<Integer> held = first.lock().unwrap()) {
            bothHoldOne.countDown();
            try {
                bothHoldOne.await();
            } catch (InterruptedException e) {
                return;
            }
            try (MutexGuard<Integer> never = second.lock().unwrap()) {
                never.get();
            }
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
