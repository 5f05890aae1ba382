package fearless.grader.checks.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fearless.api.OwnershipError;
import fearless.api.Panic;
import fearless.api.Result;
import fearless.api.thread.JoinHandle;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class KitThreadsTest {

    private final KitThreads threads = new KitThreads();

    @Test
    void join_gives_the_result_or_the_payload_and_consumes_the_handle() {
        JoinHandle<Integer> ok = threads.spawn(() -> 42);
        assertEquals(Result.ok(42), ok.join());
        assertThrows(OwnershipError.class, ok::join);
        assertEquals(Result.err(7), threads.spawn(() -> {
            throw new Panic("boom", 7);
        }).join());
        AssertionError error = new AssertionError("x");
        assertEquals(Result.err(error), threads.spawn(() -> {
            throw error;
        }).join());
    }

    @Test
    void a_held_thread_runs_its_body_only_once_released() throws InterruptedException {
        threads.holdStarts();
        AtomicBoolean ran = new AtomicBoolean();
        JoinHandle<Object> h = threads.spawn(() -> {
            ran.set(true);
            return null;
        });
        Thread.sleep(50);
        assertFalse(ran.get());
        assertFalse(h.isFinished());
        threads.releaseStarts();
        h.join();
        assertTrue(ran.get());
    }

    @Test
    void it_counts_spawns_joins_and_names() {
        JoinHandle<String> named = threads.builder().name("worker-1").spawn(() -> Thread.currentThread().getName());
        JoinHandle<Object> detached = threads.spawn(() -> null);
        detached.close();
        assertEquals(Optional.of("worker-1"), named.name());
        assertEquals("worker-1", named.join().unwrap());
        assertEquals(2, threads.spawnCount());
        assertEquals(1, threads.notJoined());
        assertEquals(2, threads.threads().size());
    }

    @Test
    void kit_boxes_log_each_drop_with_its_thread() throws InterruptedException {
        KitBoxes boxes = new KitBoxes();
        var box = boxes.create("v");
        var moved = box.move();
        assertThrows(OwnershipError.class, box::get);
        Thread t = new Thread(moved::close);
        t.start();
        t.join();
        moved.close();
        assertEquals(1, boxes.dropsOf("v"));
        assertEquals(t, boxes.drops().get(0).thread());
    }
}
