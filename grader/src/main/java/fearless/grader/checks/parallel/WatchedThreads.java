package fearless.grader.checks.parallel;

import fearless.api.Result;
import fearless.api.thread.Builder;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.Threads;
import fearless.grader.checks.kit.KitThreads;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The kit's {@link KitThreads}, seen from the caller's side as well: which handle was joined
 * when, and how many threads had been spawned when the first join began. A check's function,
 * running on a spawned thread, can ask whether the caller is already waiting for it, or
 * started waiting before it had spawned every chunk's thread (which can only be a computation
 * that waits for one chunk before it starts the next).
 */
final class WatchedThreads implements Threads {

    private final KitThreads kit = new KitThreads();
    private final Map<Thread, Watched<?>> byThread = new ConcurrentHashMap<>();
    private volatile int spawnedAtFirstJoin = -1;
    private final AtomicInteger joining = new AtomicInteger();

    /** The kit underneath: how many threads it spawned, which are still running, which were joined. */
    KitThreads kit() {
        return kit;
    }

    @Override
    public <T> JoinHandle<T> spawn(Supplier<? extends T> body) {
        return watch(body, kit::spawn);
    }

    @Override
    public Builder builder() {
        Builder inner = kit.builder();
        return new Builder() {
            @Override
            public Builder name(String name) {
                inner.name(name);
                return this;
            }

            @Override
            public <T> JoinHandle<T> spawn(Supplier<? extends T> body) {
                return watch(body, inner::spawn);
            }
        };
    }

    /** Whether a join began on the handle of {@code thread}, a thread spawned here. */
    boolean joinBegan(Thread thread) {
        Watched<?> watched = byThread.get(thread);
        return watched != null && watched.joinBegan;
    }

    /**
     * Whether the caller began a join while fewer than {@code chunks} threads had been spawned:
     * it waited for one chunk before starting the others, so they cannot all run at once.
     */
    boolean joinedBeforeSpawning(int chunks) {
        int spawned = spawnedAtFirstJoin;
        return spawned >= 0 && spawned < chunks;
    }

    /** Whether a join is under way right now (the caller is in {@code join}, or about to wait there). */
    boolean joining() {
        return joining.get() > 0;
    }

    /** How many threads had been spawned when the first join began, or -1 before any join. */
    int spawnedAtFirstJoin() {
        return spawnedAtFirstJoin;
    }

    /** Starts a thread through {@code start}; the body first says which handle its thread belongs to. */
    private <T> JoinHandle<T> watch(Supplier<? extends T> body, Starter start) {
        Watched<T> watched = new Watched<>();
        watched.inner = start.spawn(() -> {
            byThread.put(Thread.currentThread(), watched);
            return body.get();
        });
        return watched;
    }

    /** {@code Threads.spawn} or {@code Builder.spawn} of the kit. */
    @FunctionalInterface
    private interface Starter {
        <T> JoinHandle<T> spawn(Supplier<? extends T> body);
    }

    /** A kit handle that notes when its join began. */
    private final class Watched<T> implements JoinHandle<T> {
        private volatile JoinHandle<T> inner;
        private volatile boolean joinBegan;

        @Override
        public Result<T, Object> join() {
            synchronized (WatchedThreads.this) {
                if (spawnedAtFirstJoin < 0) {
                    spawnedAtFirstJoin = kit.spawnCount();
                }
            }
            joinBegan = true;
            joining.incrementAndGet();
            try {
                return inner.join();
            } finally {
                joining.decrementAndGet();
            }
        }

        @Override
        public boolean isFinished() {
            return inner.isFinished();
        }

        @Override
        public Optional<String> name() {
            return inner.name();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
