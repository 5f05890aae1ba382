package fearless.exercises.parker;

import fearless.api.Unimplemented;
import fearless.api.thread.Parker;
import fearless.api.thread.Unparker;
import java.time.Duration;

/**
 * Exercise {@code parker}: Rust's {@code thread::park} and {@code Thread::unpark}, as a parker
 * object with one token.
 *
 * <p>Build it from a Java monitor: {@code synchronized}, {@code wait} and {@code notifyAll} on an
 * object of your own. The state is one token, present or not. {@link #park()} takes the token if
 * it is there and returns at once; otherwise it blocks until an unpark gives the token, then takes
 * it. An unpark that comes first is kept: the next park returns at once. Two unparks leave one
 * token, not two. {@link #parkTimeout} gives up after its timeout (a zero or negative one only
 * takes a token already there), and never waits much longer. An interrupt makes a park return,
 * with the thread's interrupt status still set. Unparking never blocks.
 *
 * <p>Rule T7. Read {@code course-notes/07-threads.md}, section 5 and section 11, first.
 * {@code LockSupport} already is a parker, and {@code java.util.concurrent.locks} already has
 * conditions: both are off limits, and so is {@code Thread.sleep}.
 *
 * <p>Hints:
 * <ul>
 *   <li>Checking the token and starting to wait must be one step: check it inside
 *       {@code synchronized}, and wait on the same monitor, in a loop. Checked outside the lock,
 *       an unpark can slip in between and its wake-up is lost.</li>
 *   <li>Only {@code wait()} releases the monitor while the thread waits. A loop that spins or
 *       yields while holding it burns a core and keeps {@code unpark()} out.</li>
 *   <li>A boolean, not a counter. Set it and notify under the lock in {@code unpark()}, and clear
 *       it when a park takes it.</li>
 *   <li>{@code parkTimeout}: compute a deadline with {@code System.nanoTime()} and wait for what
 *       is left of it; {@code wait(0)} waits forever, so never call it with a zero timeout.</li>
 *   <li>{@code wait()} throws {@code InterruptedException} and clears the interrupt status: set it
 *       again with {@code Thread.currentThread().interrupt()}, then return.</li>
 * </ul>
 */
public final class MonitorParker implements Parker {

    // Suggested state: a private monitor object, and a boolean token guarded by it.

    /** Takes the token, waiting for an unpark if there is none (T7). */
    @Override
    public void park() {
        throw new Unimplemented("parker", "course-notes/07-threads.md");
    }

    /** As park(), but gives up after {@code timeout} (T7). */
    @Override
    public void parkTimeout(Duration timeout) {
        throw new Unimplemented("parker", "course-notes/07-threads.md");
    }

    /** A handle whose unpark() leaves this parker's token and wakes it (T7). */
    @Override
    public Unparker unparker() {
        throw new Unimplemented("parker", "course-notes/07-threads.md");
    }
}
