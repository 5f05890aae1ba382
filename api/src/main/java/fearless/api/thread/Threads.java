package fearless.api.thread;

import java.util.function.Supplier;

/**
 * Rust's {@code std::thread::spawn}: run a closure on a new thread and keep a handle to wait for
 * it. The closure is a {@link Supplier}, so a thread's result comes back through
 * {@link JoinHandle#join()}; a thread with nothing to return returns {@code null}.
 *
 * <pre>{@code
 * JoinHandle<Integer> h = threads.spawn(() -> 6 * 7);   // let h = thread::spawn(|| 6 * 7);
 * int answer = h.join().unwrap();                       // h.join().unwrap()
 * }</pre>
 *
 * <p>Rules (see {@code course-notes/07-threads.md}):
 * <ul>
 *   <li>T1 {@link #spawn} starts {@code body} on a new thread and returns its handle at once,
 *       without waiting for {@code body};</li>
 *   <li>T2 {@link JoinHandle#join()} gives the body's result, or the payload of the panic that
 *       ended the thread, as a value;</li>
 *   <li>T4 closing a handle without joining detaches the thread: it keeps running;</li>
 *   <li>T5 a thread spawned through a {@link Builder} with a name sees that name as its own.</li>
 * </ul>
 */
public interface Threads {

    /**
     * Starts {@code body} on a new thread and returns its handle without waiting for the body to
     * run (T1). The thread is unnamed ({@link JoinHandle#name()} is empty) and is a daemon thread:
     * as in Rust, a spawned thread does not keep the program alive.
     */
    <T> JoinHandle<T> spawn(Supplier<? extends T> body);

    /** A builder for a thread with settings, Rust's {@code thread::Builder::new()}. */
    Builder builder();
}
