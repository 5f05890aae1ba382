package fearless.grader.check.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Slow is not stuck: the hang verdict rests on threads that cannot move, not on the clock alone. */
class PatienceTest {

    private static final Duration TIME = Duration.ofMillis(200);

    @Test
    void the_slowdown_is_a_factor_between_one_and_its_maximum() {
        double slowdown = Patience.slowdown();
        assertTrue(slowdown >= 1 && slowdown <= Patience.MAX_SLOWDOWN, "slowdown " + slowdown);
    }

    @Test
    void a_thread_that_waits_forever_is_stuck_soon_after_its_time() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Thread t = daemon(() -> await(never));
        long start = System.nanoTime();
        Patience.Verdict verdict = Patience.await(TIME, 1, joined(t), () -> alive(t));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Patience.Verdict.STUCK, verdict);
        assertTrue(millis < TIME.toMillis() + Patience.QUIET.toMillis() + 400, "took " + millis + " ms");
        never.countDown();
    }

    @Test
    void a_thread_that_runs_past_its_time_and_then_ends_is_only_slow() {
        Thread t = daemon(() -> spin(Duration.ofMillis(3 * TIME.toMillis())));
        assertEquals(Patience.Verdict.DONE, Patience.await(TIME, 3, joined(t), () -> alive(t)));
    }

    @Test
    void running_threads_that_report_progress_are_never_cut_off() {
        Thread t = daemon(() -> {
            long end = System.nanoTime() + 6 * TIME.toNanos();
            while (System.nanoTime() < end) {
                spin(Duration.ofMillis(10));
                Patience.progress();
            }
        });
        assertEquals(Patience.Verdict.DONE, Patience.await(TIME, 1, joined(t), () -> alive(t)));
    }

    @Test
    void threads_handing_a_turn_to_each_other_slowly_make_progress() {
        Object turn = new Object();
        int[] next = {0};
        Runnable player = () -> {
            for (int i = 0; i < 6; i++) {
                synchronized (turn) {
                    while (next[0] % 2 != (Thread.currentThread().getName().equals("a") ? 0 : 1)) {
                        try {
                            turn.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
                spin(Duration.ofMillis(60)); // 12 turns of 60 ms: far past the time, never quiet
                synchronized (turn) {
                    next[0]++;
                    turn.notifyAll();
                }
                Patience.progress();
            }
        };
        Thread a = daemon(player, "a");
        Thread b = daemon(player, "b");
        assertEquals(Patience.Verdict.DONE, Patience.await(TIME, 3, nanos -> {
            a.join(Math.max(1, nanos / 1_000_000));
            b.join(1);
            return !a.isAlive() && !b.isAlive();
        }, () -> alive(a, b)));
    }

    @Test
    void a_thread_that_spins_forever_is_stopped_at_its_bound_stretched_for_the_load() {
        Thread t = daemon(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
        });
        long start = System.nanoTime();
        assertEquals(Patience.Verdict.SPINNING, Patience.await(TIME, 1, joined(t), () -> alive(t)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= TIME.toMillis() + Patience.QUIET.toMillis(), "took " + millis + " ms");
        assertTrue(millis < TIME.toMillis() * Patience.MAX_SLOWDOWN + Patience.QUIET.toMillis() + 500, "took " + millis + " ms");
        t.interrupt();
    }

    private static Patience.Wait joined(Thread t) {
        return nanos -> {
            t.join(Math.max(1, nanos / 1_000_000));
            return !t.isAlive();
        };
    }

    private static List<Thread> alive(Thread... threads) {
        return java.util.Arrays.stream(threads).filter(Thread::isAlive).toList();
    }

    private static Thread daemon(Runnable body) {
        return daemon(body, "worker");
    }

    private static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void spin(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void a_stretched_bound_never_shrinks_and_stops_at_its_cap() {
        Duration base = Duration.ofMillis(100);
        Duration stretched = Patience.stretched(base, 2, Duration.ofSeconds(10));
        assertTrue(stretched.compareTo(Duration.ofMillis(200)) >= 0, "twice the base at least: " + stretched);
        assertEquals(Duration.ofMillis(150), Patience.stretched(base, 2, Duration.ofMillis(150)));
    }
}
