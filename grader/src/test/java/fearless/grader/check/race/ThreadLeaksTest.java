package fearless.grader.check.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** A thread left running is found and named; threads that end, or were there before, are not. */
class ThreadLeaksTest {

    @Test
    void a_thread_still_running_after_the_action_is_reported_with_a_dump() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread[] leaked = new Thread[1];
        try {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> ThreadLeaks.check(
                    "a thread was still running (T6)", () -> {
                        leaked[0] = start("leaky-worker", release);
                        return 1;
                    }));
            String[] lines = e.getMessage().split("\n");
            assertEquals("a thread was still running (T6)", lines[0]);
            assertTrue(lines[1].startsWith("1 thread started during it still running"), lines[1]);
            assertTrue(e.getMessage().contains("\"leaky-worker\" WAITING"), e.getMessage());
        } finally {
            release.countDown();
            leaked[0].join();
        }
    }

    @Test
    void a_thread_that_ends_within_the_grace_is_no_leak() {
        int result = ThreadLeaks.check("unexpected leak", () -> {
            Thread quick = new Thread(() -> {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "quick-worker");
            quick.start();
            return 42;
        });
        assertEquals(42, result);
    }

    @Test
    void threads_alive_before_the_action_are_not_counted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread old = start("old-worker", release);
        try {
            ThreadLeaks.check("unexpected leak", () -> null);
            ThreadLeaks leaks = ThreadLeaks.snapshot();
            assertTrue(leaks.startedSince().isEmpty(), () -> "found " + leaks.startedSince());
        } finally {
            release.countDown();
            old.join();
        }
    }

    @Test
    void the_actions_own_failure_goes_through_when_nothing_leaked() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ThreadLeaks.check("unexpected leak", () -> {
                    throw boom;
                }));
        assertSame(boom, thrown);
    }

    @Test
    void a_leak_wins_over_the_actions_failure_which_is_attached() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread[] leaked = new Thread[1];
        IllegalStateException boom = new IllegalStateException("boom");
        try {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> ThreadLeaks.check(
                    "leaked", () -> {
                        leaked[0] = start("leaky-thrower", release);
                        throw boom;
                    }));
            assertEquals("leaked", e.getMessage().split("\n")[0]);
            assertSame(boom, e.getSuppressed()[0]);
        } finally {
            release.countDown();
            leaked[0].join();
        }
    }

    private static Thread start(String name, CountDownLatch release) {
        Thread t = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
