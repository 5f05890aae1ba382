package fearless.grader.checks.parker;

import static fearless.grader.checks.parker.Parkers.check;
import static fearless.grader.checks.parker.Parkers.millis;

import fearless.api.thread.Parker;
import fearless.api.thread.Unparker;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.WatchedCall;
import java.time.Duration;
import org.opentest4j.AssertionFailedError;

/**
 * Rust's own park tests ({@code library/std/src/thread/tests.rs}: {@code test_park_unpark_before},
 * {@code test_park_unpark_called_other_thread}, {@code test_park_timeout_unpark_before},
 * {@code test_park_timeout_unpark_not_called}, {@code test_park_timeout_unpark_called_other_thread}),
 * ported to the parker, and the rest of the Javadoc's promises: one token at most, zero and
 * negative timeouts, the timeout kept, handles from {@code unparker()}. Every park runs on a
 * thread of the check's and is watched from outside, so a park that never returns fails the check
 * plainly instead of hanging it.
 */
@Exercise("parker")
class ParkerBehaviourChecks {

    /** Rust's tests run ten times; three keep the check short and still repeat the hand-off. */
    private static final int REPEATS = 3;

    /** How long the unparking thread waits before it unparks, so that the park comes first. */
    private static final long UNPARK_DELAY_MILLIS = 10;

    /** Rust's {@code Duration::from_millis(u32::MAX as u64)}: a timeout that never runs out in a test. */
    private static final Duration HUGE = Duration.ofMillis(0xFFFF_FFFFL);

    /** The timeout of a park that finds no token and must wait it out. */
    private static final Duration SHORT = Duration.ofMillis(50);

    /** {@code test_park_unpark_before}: an unpark before the park leaves the token; park returns at once. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T7"})
    void park_unpark_before() throws InterruptedException {
        Parkers.requireImplemented();
        Duration prompt = Patience.prompt();
        for (int i = 0; i < REPEATS; i++) {
            Parker p = Parkers.fresh();
            Parkers.unpark(p.unparker(), prompt, "on a new parker");
            WatchedCall<Void> t = WatchedCall.startAction("parker-owner", p::park);
            boolean returned = t.awaitDone(prompt);
            t.abandon();
            t.requireNoFailure("park() after unpark()", "T7");
            check(returned, () -> "park() after unpark() did not return within " + prompt.toMillis() + " ms: an "
                    + "unpark that comes before the park must leave the token, so the next park returns at once (T7). "
                    + "unpark() must set the token, not only notify: a notification nobody waits for is lost.");
        }
    }

    /**
     * {@code test_park_unpark_called_other_thread}: the owner parks first, another thread unparks
     * it a moment later, and the park returns.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T7"})
    void park_unpark_called_other_thread() throws InterruptedException {
        Parkers.requireImplemented();
        Duration prompt = Patience.prompt();
        for (int i = 0; i < REPEATS; i++) {
            Parker p = Parkers.fresh();
            Unparker u = p.unparker();
            WatchedCall<Void> t = WatchedCall.startAction("parker-owner", p::park);
            t.awaitParked();
            Thread.sleep(UNPARK_DELAY_MILLIS);
            Parkers.unpark(u, prompt, "while the owner was parked");
            boolean returned = t.awaitDone(prompt);
            t.abandon();
            t.requireNoFailure("park()", "T7");
            check(returned, () -> "a thread parked in park() was unparked by another thread, but it was still "
                    + "parked " + prompt.toMillis() + " ms later: unpark() must wake the parked thread (T7). Set the "
                    + "token and notify on the same monitor the park waits on, holding it.");
        }
    }

    /** {@code test_park_timeout_unpark_before}: with the token there, parkTimeout returns at once, even with a huge timeout. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T7"})
    void park_timeout_unpark_before() throws InterruptedException {
        Parkers.requireImplemented();
        Duration prompt = Patience.prompt();
        for (int i = 0; i < REPEATS; i++) {
            Parker p = Parkers.fresh();
            Parkers.unpark(p.unparker(), prompt, "on a new parker");
            WatchedCall<Void> t = WatchedCall.startAction("parker-owner", () -> p.parkTimeout(HUGE));
            boolean returned = t.awaitDone(prompt);
            t.abandon();
            t.requireNoFailure("parkTimeout(" + HUGE.toMillis() + " ms) after unpark()", "T7");
            check(returned, () -> "parkTimeout(" + HUGE.toMillis() + " ms) after unpark() did not return within "
                    + prompt.toMillis() + " ms: with a token there, parkTimeout must take it and return at once, "
                    + "whatever the timeout (T7). Look at the token before waiting.");
        }
    }

    /** {@code test_park_timeout_unpark_not_called}: without an unpark, each parkTimeout returns after its timeout. */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T7"})
    void park_timeout_unpark_not_called() throws InterruptedException {
        Parkers.requireImplemented();
        Duration prompt = Patience.prompt();
        Parker p = Parkers.fresh();
        Duration timeout = Duration.ofMillis(10);
        WatchedCall<Void> t = WatchedCall.startAction("parker-owner", () -> {
            for (int i = 0; i < 10; i++) {
                p.parkTimeout(timeout);
            }
        });
        Duration bound = prompt.plus(timeout.multipliedBy(10));
        boolean returned = t.awaitDone(bound);
        t.abandon();
        t.requireNoFailure("parkTimeout(10 ms)", "T7");
        check(returned, () -> "ten calls of parkTimeout(10 ms), with no unpark, had not all returned after "
                + bound.toMillis() + " ms: with no token, parkTimeout must give up when its timeout has passed (T7). "
                + "Wait for what is left until a deadline, and return once it has passed.");
    }

    /**
     * {@code test_park_timeout_unpark_called_other_thread}: the owner parks with a huge timeout,
     * another thread unparks it, and the park returns long before the timeout.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T7"})
    void park_timeout_unpark_called_other_thread() throws InterruptedException {
        Parkers.requireImplemented();
        Duration prompt = Patience.prompt();
        for (int i = 0; i < REPEATS; i++) {
            Parker p = Parkers.fresh();
            Unparker u = p.unparker();
            WatchedCall<Void> t = WatchedCall.startAction("parker-owner", () -> p.parkTimeout(HUGE));
            t.awaitParked();
            Thread.sleep(UNPARK_DELAY_MILLIS);
            Parkers.unpark(u, prompt, "while the owner was parked");
            boolean returned = t.awaitDone(prompt);
            t.abandon();
            t.requireNoFailure("parkTimeout(" + HUGE.toMillis() + " ms)", "T7");
            check(returned, () -> "a thread parked in parkTimeout(" + HUGE.toMillis() + " ms) was unparked by "
                    + "another thread, but it was still parked " + prompt.toMillis() + " ms later: unpark() must wake "
                    + "a timed park too, not leave it to its timeout (T7). Notify on the monitor the timed wait uses.");
        }
    }

    /**
     * Two unparks leave one token, not two: the first park takes it and returns at once, and a
     * second parkTimeout finds none and waits its whole timeout. A park may return spuriously, so
     * an early second return is asked again, and counts only if it happens every time.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T7"})
    void two_unparks_leave_one_token() throws InterruptedException {
        Parkers.requireImplemented();
        Duration prompt = Patience.prompt();
        long[] second = new long[1];
        for (int attempt = 0; attempt < 3; attempt++) {
            Parker p = Parkers.fresh();
            Unparker u = p.unparker();
            Parkers.unpark(u, prompt, "on a new parker");
            Parkers.unpark(u, prompt, "a second time, with the token already there");
            WatchedCall<Void> first = WatchedCall.startAction("parker-owner", p::park);
            boolean returned = first.awaitDone(prompt);
            first.abandon();
            first.requireNoFailure("park() after two unparks", "T7");
            check(returned, () -> "park() after two unpark() calls did not return within " + prompt.toMillis()
                    + " ms: an unpark before the park leaves a token, so the park must return at once (T7).");
            WatchedCall<Void> again = WatchedCall.startAction("parker-owner", () -> p.parkTimeout(SHORT));
            boolean ended = again.awaitDone(prompt.plus(SHORT));
            again.abandon();
            again.requireNoFailure("parkTimeout(" + SHORT.toMillis() + " ms)", "T7");
            check(ended, () -> "parkTimeout(" + SHORT.toMillis() + " ms) with no token did not return within "
                    + prompt.plus(SHORT).toMillis() + " ms: it must give up once its timeout has passed (T7).");
            second[0] = again.elapsedNanos();
            if (second[0] >= SHORT.toNanos()) {
                return;
            }
        }
        throw new AssertionFailedError("unpark(); unpark(); park(); then parkTimeout(" + SHORT.toMillis() + " ms) "
                + "returned after " + millis(second[0]) + ", before its timeout, three times out of three: the second "
                + "park found a token, yet two unparks leave one token, not two, and the first park took it (T7). "
                + "Keep the token as a boolean, not a count, and clear it when a park takes it.");
    }

    /**
     * A zero or negative timeout only takes a token that is already there: it returns at once,
     * with or without a token, and with one it takes it (the next park finds none).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T7"})
    void park_timeout_zero_or_negative() throws InterruptedException {
        Parkers.requireImplemented();
        Duration prompt = Patience.prompt();
        for (Duration timeout : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), Duration.ofSeconds(-5)}) {
            String call = "parkTimeout(" + timeout + ")";
            Parker p = Parkers.fresh();
            WatchedCall<Void> t = WatchedCall.startAction("parker-owner", () -> p.parkTimeout(timeout));
            boolean returned = t.awaitDone(prompt);
            t.abandon();
            t.requireNoFailure(call + " with no token", "T7");
            check(returned, () -> call + " with no token did not return within " + prompt.toMillis() + " ms: a zero "
                    + "or negative timeout only takes a token that is already there, and never waits (T7). Careful: "
                    + "Object.wait(0) waits forever.");

            Parkers.unpark(p.unparker(), prompt, "on a parker with no token");
            WatchedCall<Void> taker = WatchedCall.startAction("parker-owner", () -> {
                p.parkTimeout(timeout);
                p.parkTimeout(SHORT);
            });
            boolean ended = taker.awaitDone(prompt.plus(SHORT));
            taker.abandon();
            taker.requireNoFailure(call + " with a token", "T7");
            check(ended, () -> call + " with a token, then parkTimeout(" + SHORT.toMillis() + " ms), did not return "
                    + "within " + prompt.plus(SHORT).toMillis() + " ms (T7).");
            check(taker.elapsedNanos() >= SHORT.toNanos(), () -> "unpark(); " + call + "; then parkTimeout("
                    + SHORT.toMillis() + " ms) returned after " + millis(taker.elapsedNanos()) + ", before its "
                    + "timeout: " + call + " must take the token that is there, so the next park finds none (T7).");
        }
    }

    /**
     * With no unpark, parkTimeout returns once its timeout has passed, and not much later: a
     * generous bound (the timeout plus a margin stretched for the machine's load) that a correct
     * parker never comes near.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T7"})
    void park_timeout_never_much_longer() throws InterruptedException {
        Parkers.requireImplemented();
        Duration prompt = Patience.prompt();
        for (Duration timeout : new Duration[] {Duration.ofMillis(50), Duration.ofNanos(1_500_000)}) {
            Parker p = Parkers.fresh();
            WatchedCall<Void> t = WatchedCall.startAction("parker-owner", () -> p.parkTimeout(timeout));
            Duration bound = timeout.plus(prompt);
            boolean returned = t.awaitDone(bound);
            t.abandon();
            String call = "parkTimeout(" + millis(timeout.toNanos()) + ")";
            t.requireNoFailure(call, "T7");
            check(returned && t.elapsedNanos() <= bound.toNanos(), () -> call + " with no unpark "
                    + (returned ? "took " + millis(t.elapsedNanos()) : "had not returned after " + bound.toMillis()
                            + " ms") + ": it must give up once the timeout has passed, never much later (T7). Keep a "
                    + "deadline (System.nanoTime() + timeout), wait for what is left of it in a loop, in the right "
                    + "unit (wait(millis, nanos)), and return when nothing is left.");
        }
    }

    /**
     * An interrupt makes a park return with the interrupt status still set: a parked thread that
     * is interrupted, a thread interrupted before it parks, and a timed park.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T7"})
    void interrupt_ends_park_with_status_set() throws InterruptedException {
        Parkers.requireImplemented();
        Duration prompt = Patience.prompt();
        String[] cases = {"park()", "parkTimeout(" + HUGE.toMillis() + " ms)"};
        for (String call : cases) {
            Parker p = Parkers.fresh();
            WatchedCall<Void> t = WatchedCall.startAction("parker-owner", () -> park(p, call));
            t.awaitParked();
            t.thread().interrupt();
            boolean returned = t.awaitDone(prompt);
            t.abandon();
            t.requireNoFailure(call + " when interrupted", "T7");
            check(returned, () -> "a thread parked in " + call + " was interrupted, but it was still parked "
                    + prompt.toMillis() + " ms later: an interrupt makes a park return (T7), as LockSupport.park does. "
                    + "Catch the InterruptedException and return; do not wait again.");
            check(t.interruptedAtEnd(), () -> call + " returned after an interrupt, but the thread's interrupt status "
                    + "was cleared: it must still be set, so the owner sees the interrupt (T7). wait() clears it when "
                    + "it throws: call Thread.currentThread().interrupt() before returning.");

            Parker q = Parkers.fresh();
            WatchedCall<Void> early = WatchedCall.startAction("parker-owner", () -> {
                Thread.currentThread().interrupt();
                park(q, call);
            });
            boolean back = early.awaitDone(prompt);
            early.abandon();
            early.requireNoFailure(call + " on an interrupted thread", "T7");
            check(back, () -> call + " on a thread whose interrupt status was already set did not return within "
                    + prompt.toMillis() + " ms: a pending interrupt makes a park return at once (T7).");
            check(early.interruptedAtEnd(), () -> call + " on a thread whose interrupt status was already set "
                    + "returned with the status cleared: it must still be set (T7).");
        }
    }

    /**
     * Every call of unparker() gives a handle that unparks the same parker: a handle taken before
     * the park wakes it, and so does one taken later, from another thread.
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T7"})
    void unparkers_unpark_the_same_parker() throws InterruptedException {
        Parkers.requireImplemented();
        Duration prompt = Patience.prompt();
        Parker p = Parkers.fresh();
        Unparker first = p.unparker();
        Unparker second = p.unparker();
        check(first != null && second != null, () -> "unparker() returned null: it must give a handle (T7)");
        Parkers.unpark(second, prompt, "on a new parker");
        WatchedCall<Void> t = WatchedCall.startAction("parker-owner", p::park);
        boolean returned = t.awaitDone(prompt);
        t.abandon();
        t.requireNoFailure("park()", "T7");
        check(returned, () -> "Unparker a = p.unparker(), b = p.unparker(); b.unpark(); p.park(): the park did not "
                + "return within " + prompt.toMillis() + " ms, although b unparked p (T7). Every handle unparker() "
                + "gives must leave the token of the same parker.");

        WatchedCall<Void> parked = WatchedCall.startAction("parker-owner", p::park);
        parked.awaitParked();
        Thread.sleep(UNPARK_DELAY_MILLIS);
        Parkers.unpark(first, prompt, "while the owner was parked");
        boolean woke = parked.awaitDone(prompt);
        parked.abandon();
        parked.requireNoFailure("park()", "T7");
        check(woke, () -> "a thread parked on p was unparked through a handle from an earlier p.unparker() call, "
                + "but it was still parked " + prompt.toMillis() + " ms later: every handle unparks the same parker (T7).");
    }

    private static void park(Parker p, String call) {
        if (call.equals("park()")) {
            p.park();
        } else {
            p.parkTimeout(HUGE);
        }
    }
}
