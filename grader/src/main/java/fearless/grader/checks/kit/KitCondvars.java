package fearless.grader.checks.kit;

import fearless.api.sync.Condvar;
import fearless.api.sync.CondvarProvider;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The kit's {@link CondvarProvider}: Rust's {@code Condvar} over any api mutex, for the exercises
 * that wait on one (the bounded buffer), so that their grade does not hang on the condvar
 * exercise. It is also the adversary such code must survive, within what the contract allows:
 * <ul>
 *   <li>{@link #spuriousWakeups(long)}: the first wait on each condvar, and then each wait with
 *       odds of one in two drawn from the seed, returns without a notification (C2), so code that
 *       waits with {@code if} instead of a loop goes on with its condition false, every run;</li>
 *   <li>{@link #adversarialNotify()}: {@code notifyOne} wakes, among the waiters, one whose thread
 *       has the notifying thread's role (its name up to the first {@code -}: {@code producer-1}
 *       is a producer) if there is one, else the longest waiting: a consumer's notification meant
 *       for a producer goes to another consumer, which cannot proceed;</li>
 *   <li>{@link #holdWakeups()} until {@link #releaseWakeups()}: a notified waiter does not lock
 *       again, as if the scheduler did not run it, so a check orders the steps of a scenario.</li>
 * </ul>
 * It keeps every condvar it made, and each records who waits on it and how many notifications
 * and waits it saw. Built on {@code java.util.concurrent.locks}, which the exercises forbid.
 */
public final class KitCondvars implements CondvarProvider {

    private final List<KitCondvar> made = new CopyOnWriteArrayList<>();
    private volatile Random spurious;
    private volatile boolean adversarialNotify;
    private volatile boolean holding;

    @Override
    public Condvar create() {
        KitCondvar condvar = new KitCondvar(this, made.size());
        made.add(condvar);
        return condvar;
    }

    /** Spurious wake-ups from now on: the first wait on each condvar, then one wait in two as {@code seed} draws. */
    public KitCondvars spuriousWakeups(long seed) {
        spurious = new Random(seed);
        return this;
    }

    /** {@code notifyOne} wakes a waiter of the notifying thread's role when there is one. */
    public KitCondvars adversarialNotify() {
        adversarialNotify = true;
        return this;
    }

    /** From now on, a notified waiter stays parked (woken, not yet locking again) until {@link #releaseWakeups()}. */
    public void holdWakeups() {
        holding = true;
    }

    /** Lets every held waiter go on, and no longer holds new ones. */
    public void releaseWakeups() {
        holding = false;
        made.forEach(KitCondvar::unparkHeld);
    }

    /** Every condvar made so far, in the order made. */
    public List<KitCondvar> made() {
        return List.copyOf(made);
    }

    /** How many waits were started on all of them ({@code wait}, {@code waitTimeout}, and each wait inside {@code waitWhile}). */
    public long waitsStarted() {
        return made.stream().mapToLong(KitCondvar::waitsStarted).sum();
    }

    /** How many notifications were sent through all of them, to waiters or to nobody. */
    public long notificationsSent() {
        return made.stream().mapToLong(KitCondvar::notificationsSent).sum();
    }

    /** Whether {@code thread} waits on one of them right now (notified and held counts as waiting). */
    public boolean isWaiting(Thread thread) {
        return made.stream().anyMatch(c -> c.waiters().contains(thread));
    }

    /** The condvar {@code thread} waits on now, or {@code null}. */
    public KitCondvar waitingOn(Thread thread) {
        return made.stream().filter(c -> c.waiters().contains(thread)).findFirst().orElse(null);
    }

    boolean drawSpurious(boolean first) {
        Random r = spurious;
        if (r == null) {
            return false;
        }
        if (first) {
            return true;
        }
        synchronized (r) {
            return r.nextBoolean();
        }
    }

    boolean adversarial() {
        return adversarialNotify;
    }

    boolean holding() {
        return holding;
    }
}
