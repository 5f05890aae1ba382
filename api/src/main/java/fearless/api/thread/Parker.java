package fearless.api.thread;

import java.time.Duration;

/**
 * Rust's {@code thread::park} and {@code Thread::unpark}, as a parker object (the shape of
 * crossbeam's {@code Parker}): one thread parks on it, any thread unparks it through its
 * {@link Unparker}. Its state is one token, present or not, never more than one (T7).
 *
 * <pre>{@code
 * Parker parker = parkers.parker();
 * Unparker unparker = parker.unparker();
 * // the waiting thread:                     // another thread:
 * while (!ready.get()) {                     ready.set(true);
 *     parker.park();                         unparker.unpark();
 * }
 * }</pre>
 *
 * <p>Rule T7 (see {@code course-notes/07-threads.md}): unpark before park makes the next park
 * return at once; two unparks leave one token, not two; park may return spuriously, so the
 * caller parks in a loop on its own condition.
 *
 * <p>Only one thread parks on a parker (the thread that owns it); {@link Unparker#unpark()}
 * may be called from any thread, any number of times.
 */
public interface Parker {

    /**
     * Takes the token if there is one and returns at once; otherwise blocks until an unpark gives
     * the token, then takes it (T7). May also return spuriously, without a token. An interrupt
     * makes it return, with the thread's interrupt status still set (as Java's
     * {@code LockSupport.park} does).
     */
    void park();

    /**
     * As {@link #park()}, but gives up after {@code timeout}: returns at once if a token is there,
     * otherwise when an unpark gives one or the timeout has passed, whichever comes first. A zero
     * or negative timeout only takes a token that is already there. Never waits much longer than
     * {@code timeout}.
     */
    void parkTimeout(Duration timeout);

    /** The handle other threads use to unpark this parker; every call gives one that unparks the same parker. */
    Unparker unparker();
}
