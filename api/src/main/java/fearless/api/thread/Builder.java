package fearless.api.thread;

import java.util.function.Supplier;

/**
 * Rust's {@code std::thread::Builder}: settings for one thread, then {@link #spawn}.
 *
 * <pre>{@code
 * JoinHandle<String> h = threads.builder().name("worker-1")
 *         .spawn(() -> Thread.currentThread().getName());
 * h.join().unwrap();                                     // "worker-1" (T5)
 * }</pre>
 */
public interface Builder {

    /**
     * Names the thread (T5): the spawned thread's {@code Thread.currentThread().getName()} is
     * {@code name} from its first instruction on, and its handle's {@link JoinHandle#name()} is
     * {@code name}. Returns this builder. A {@code null} name is a {@link NullPointerException}.
     */
    Builder name(String name);

    /**
     * Starts {@code body} on a new daemon thread with this builder's settings and returns its
     * handle at once, as {@link Threads#spawn} does (T1).
     */
    <T> JoinHandle<T> spawn(Supplier<? extends T> body);
}
