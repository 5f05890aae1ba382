package fearless.grader.check.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The evidence names the thread that got in and the one that was still inside, never one thread twice. */
class ExclusionDetectorTest {

    @Test
    void names_the_thread_inside_and_the_one_that_entered() throws Exception {
        ExclusionDetector detector = new ExclusionDetector();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            detector.enter();
            inside.countDown();
            try {
                leave.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            detector.exit();
        }, "worker-1");
        first.start();
        inside.await();
        Thread second = new Thread(() -> {
            detector.enter();
            detector.exit();
        }, "worker-3");
        second.start();
        second.join();
        leave.countDown();
        first.join();
        assertEquals("\"worker-3\" got in while \"worker-1\" was still inside", detector.evidence());
    }

    @Test
    void one_thread_after_another_is_no_overlap() {
        ExclusionDetector detector = new ExclusionDetector();
        for (int i = 0; i < 3; i++) {
            detector.enter();
            detector.exit();
        }
        assertFalse(detector.violated());
    }
}
