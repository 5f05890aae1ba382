package fearless.grader.checks.kit;

import fearless.api.thread.Builder;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The kit's {@link Threads}: Rust's {@code spawn} done right, recording every thread it starts.
 * A check can also {@link #holdStarts() hold} new threads before their bodies run, to see what
 * the submission did before {@code spawn} returned and not what a fast thread did meanwhile.
 */
public final class KitThreads implements Threads {

    /** How long a held thread waits for {@link #releaseStarts()} before it runs anyway. */
    private static final Duration HOLD_LIMIT = Duration.ofSeconds(10);

    private final List<KitJoinHandle<?>> spawned = new ArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public <T> JoinHandle<T> spawn(Supplier<? extends T> body) {
        return start(null, body);
    }

    @Override
    public Builder builder() {
        return new Builder() {
            private String name;

            @Override
            public Builder name(String name) {
                this.name = Objects.requireNonNull(name, "name");
                return this;
            }

            @Override
            public <T> JoinHandle<T> spawn(Supplier<? extends T> body) {
                return start(name, body);
            }
        };
    }

    /** Threads spawned from now on wait, before their bodies run, until {@link #releaseStarts()}. */
    public void holdStarts() {
        gate = new CountDownLatch(1);
    }

    /** Lets held threads run their bodies, and later ones start at once. */
    public void releaseStarts() {
        gate.countDown();
    }

    /** How many threads were spawned. */
    public synchronized int spawnCount() {
        return spawned.size();
    }

    /** How many threads have been spawned and have not finished their bodies. */
    public int stillRunning() {
        return running.get();
    }

    /** How many spawned threads were never joined (closed ones included: they were detached). */
    public synchronized int notJoined() {
        return (int) spawned.stream().filter(h -> !h.wasJoined()).count();
    }

    /** Whether the calling thread is one this kit spawned. */
    public synchronized boolean isSpawnedThread(Thread thread) {
        return spawned.stream().anyMatch(h -> h.thread() == thread);
    }

    /** The threads spawned, in the order of the spawns. */
    public synchronized List<Thread> threads() {
        return spawned.stream().map(KitJoinHandle::thread).toList();
    }

    private <T> JoinHandle<T> start(String name, Supplier<? extends T> body) {
        Objects.requireNonNull(body, "body");
        CountDownLatch held = gate;
        KitJoinHandle<T> handle = new KitJoinHandle<>(name, () -> {
            awaitRelease(held);
            running.incrementAndGet();
            try {
                return body.get();
            } finally {
                running.decrementAndGet();
            }
        });
        synchronized (this) {
            spawned.add(handle);
        }
        handle.thread().start();
        return handle;
    }

    /** Waits for the gate, at most {@link #HOLD_LIMIT}; an interrupt is kept for the body to see. */
    private static void awaitRelease(CountDownLatch held) {
        long deadline = System.nanoTime() + HOLD_LIMIT.toNanos();
        boolean interruptedMeanwhile = false;
        while (held.getCount() > 0 && deadline - System.nanoTime() > 0) {
            try {
                held.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interruptedMeanwhile = true;
            }
        }
        if (interruptedMeanwhile) {
            Thread.currentThread().interrupt();
        }
    }
}
