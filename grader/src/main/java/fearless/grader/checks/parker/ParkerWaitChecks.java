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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opentest4j.AssertionFailedError;

/**
 * How the parker waits: a parked thread sleeps (it takes no processor time, so it neither spins
 * nor yields in a loop), and unparking never waits for anything, neither for a lock the parked
 * thread keeps nor for the token to be taken. Each watches the threads from outside, so any
 * correct monitor design passes.
 */
@Exercise("parker")
class ParkerWaitChecks {

    /** How long the parked thread is watched. */
    private static final long WATCH_MILLIS = 200;

    /**
     * The processor time a parked thread may use while it is watched: a tenth of the window. A
     * thread blocked in wait() uses none at all; one that spins or yields in a loop uses the
     * whole window on an idle machine, and still most of its share of a busy one.
     */
    private static final long MAX_CPU_NANOS = WATCH_MILLIS * 1_000_000 / 10;

    /** Unparks in a row with nobody parking: each leaves the token that is already there. */
    private static final int UNPARKS = 1_000;

    /**
     * A thread parked for a fifth of a second uses no processor time: a parker must block in
     * wait(), not spin (with or without Thread.yield() or Thread.onSpinWait()) until the token
     * shows up. Measured with the JVM's per-thread CPU time; where the JVM cannot measure it, the
     * thread's state is sampled instead (a blocked thread is WAITING, a spinning one RUNNABLE).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T7"})
    void parked_thread_uses_no_cpu() throws InterruptedException {
        Parkers.requireImplemented();
        Duration prompt = Patience.prompt();
        Parker p = Parkers.fresh();
        Unparker u = p.unparker();
        AtomicBoolean released = new AtomicBoolean();
        WatchedCall<Void> t = WatchedCall.startAction("parker-owner", () -> {
            while (!released.get()) {
                p.park(); // may return spuriously: park again until released
            }
        });
        t.awaitParked();
        Thread.sleep(20);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long id = t.thread().getId();
        boolean cpuTime = mx.isThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled();
        long cpuBefore = cpuTime ? mx.getThreadCpuTime(id) : -1;
        long wallBefore = System.nanoTime();
        int runnable = 0;
        int samples = 0;
        while (System.nanoTime() - wallBefore < WATCH_MILLIS * 1_000_000) {
            if (t.thread().getState() == Thread.State.RUNNABLE) {
                runnable++;
            }
            samples++;
            Thread.sleep(5);
        }
        long cpuAfter = cpuTime ? mx.getThreadCpuTime(id) : -1;
        long wall = System.nanoTime() - wallBefore;
        released.set(true);
        WatchedCall<Void> release = WatchedCall.startAction("unparker", u::unpark);
        if (cpuBefore >= 0 && cpuAfter >= 0) {
            long used = cpuAfter - cpuBefore;
            check(used <= MAX_CPU_NANOS, () -> "a thread parked in park() used " + millis(used) + " of processor time "
                    + "in " + millis(wall) + ": it spins instead of sleeping (T7). A parked thread must block in "
                    + "wait() until unpark() notifies it; a loop that checks the token, even with Thread.yield() or "
                    + "Thread.onSpinWait(), burns a core for as long as it parks.");
        } else {
            int seen = runnable;
            int of = samples;
            check(seen * 2 <= of, () -> "a thread parked in park() was running in " + seen + " of " + of
                    + " samples over " + millis(wall) + " (this JVM cannot measure its processor time): it spins "
                    + "instead of sleeping (T7). A parked thread must block in wait() until unpark() notifies it.");
        }
        boolean unparked = release.awaitDone(prompt);
        release.abandon();
        release.requireNoFailure("unpark()", "T7");
        check(unparked, () -> "unpark() while the owner was parked had not returned after " + prompt.toMillis()
                + " ms: unpark() never blocks (T7).");
        boolean returned = t.awaitDone(prompt);
        t.abandon();
        t.requireNoFailure("park()", "T7");
        check(returned, () -> "a thread parked in park() was unparked, but it was still parked " + prompt.toMillis()
                + " ms later (T7).");
    }

    /**
     * unpark() never blocks: not while the owner is parked (in park() or in a timed park), and not
     * when a token is already there and nobody takes it.
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T7"})
    void unpark_never_blocks() throws InterruptedException {
        Parkers.requireImplemented();
        Duration prompt = Patience.prompt();
        for (String call : new String[] {"park()", "parkTimeout(10 s)"}) {
            Parker p = Parkers.fresh();
            Unparker u = p.unparker();
            WatchedCall<Void> owner = WatchedCall.startAction("parker-owner", () -> {
                if (call.equals("park()")) {
                    p.park();
                } else {
                    p.parkTimeout(Duration.ofSeconds(10));
                }
            });
            owner.awaitParked();
            Thread.sleep(20);
            WatchedCall<Void> unparker = WatchedCall.startAction("unparker", u::unpark);
            boolean unparked = unparker.awaitDone(prompt);
            unparker.abandon();
            unparker.requireNoFailure("unpark()", "T7");
            if (!unparked) {
                owner.abandon();
                throw new AssertionFailedError("unpark() from another thread, while the owner was parked in " + call
                        + ", had not returned after " + prompt.toMillis() + " ms: unpark() never blocks (T7). Is the "
                        + "parked thread holding the lock unpark() needs? Only wait() releases a monitor while the "
                        + "thread waits; a loop that spins or yields inside synchronized keeps everyone else out.");
            }
            boolean woke = owner.awaitDone(prompt);
            owner.abandon();
            owner.requireNoFailure(call, "T7");
            check(woke, () -> "unpark() returned, but the owner parked in " + call + " was still parked "
                    + prompt.toMillis() + " ms later (T7).");
        }

        Parker p = Parkers.fresh();
        Unparker u = p.unparker();
        WatchedCall<Void> unparker = WatchedCall.startAction("unparker", () -> {
            for (int i = 0; i < UNPARKS; i++) {
                u.unpark();
            }
        });
        boolean returned = unparker.awaitDone(prompt);
        unparker.abandon();
        unparker.requireNoFailure("unpark()", "T7");
        check(returned, () -> UNPARKS + " unpark() calls in a row, with nobody parking, had not returned after "
                + prompt.toMillis() + " ms: unpark() never blocks (T7), not even while a token is there that nobody "
                + "has taken yet. The token does not add up: a second unpark just leaves it set.");
    }
}
