package fearless.grader.checks.threadmove;

import fearless.api.Result;
import fearless.api.ownership.Box;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.MoveSpawner;
import fearless.api.thread.MoveSpawnerProvider;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.Bounded;
import fearless.grader.check.race.Patience;
import fearless.grader.checks.kit.KitBoxes;
import fearless.grader.checks.kit.KitBoxes.Drop;
import fearless.grader.checks.kit.KitThreads;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * One check's world: the kit's own {@link KitThreads} and {@link KitBoxes}, and the submission's
 * spawner built on them. The kit records which threads were spawned and which thread dropped
 * what, so a check sees where a value died without trusting the submission to say.
 */
final class Rig {

    /** How long a join may take: the checks' bodies are instant, so this only bounds a hang. */
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(3);

    final KitThreads threads = new KitThreads();
    final KitBoxes boxes = new KitBoxes();
    final MoveSpawner spawner = Submission.provider(MoveSpawnerProvider.class).spawner(threads);

    /** Whether a held spawn waited for its thread: later spawns are not held, which would only cost time. */
    private boolean waitsForItsThreads;

    Rig() {
    }

    /** A rig on fresh kit threads and boxes that knows what {@code earlier} learnt about the spawner's waiting. */
    Rig(Rig earlier) {
        waitsForItsThreads = earlier != null && earlier.waitsForItsThreads;
    }

    /**
     * How long a spawn may wait for its held thread before the hold is lifted: a spawner may
     * rightly wait until its thread has taken the value (a handshake), and that thread cannot run
     * while it is held.
     */
    private static final Duration HOLD_PATIENCE = Duration.ofMillis(500);

    /** A held spawn's result, and whether the new threads were still held when it returned. */
    record Held<T>(T result, boolean stillHeld) {
    }

    /**
     * Calls {@code spawn} with new threads held before their bodies run, so the check sees what
     * the spawner did before it returned, not what a fast thread did meanwhile. If {@code spawn}
     * waits for its thread, the hold is lifted after a while (stretched for a busy machine) and
     * the result says so, and this rig's later spawns are not held. The threads stay held after a return that beat that moment: the caller
     * must {@link KitThreads#releaseStarts() release} them, in a {@code finally}.
     */
    <T> Held<T> spawnHeld(Supplier<T> spawn) {
        if (waitsForItsThreads) {
            return new Held<>(spawn.get(), false);
        }
        Object lock = new Object();
        boolean[] returned = {false};
        boolean[] lifted = {false};
        Thread watchdog = new Thread(() -> {
            try {
                if (awaitReturn(lock, returned, HOLD_PATIENCE.toNanos())) {
                    return;
                }
                Duration more = Patience.stretched(HOLD_PATIENCE, 1, HOLD_PATIENCE.multipliedBy(4)).minus(HOLD_PATIENCE);
                if (awaitReturn(lock, returned, more.toNanos())) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            synchronized (lock) {
                if (!returned[0]) {
                    lifted[0] = true;
                    threads.releaseStarts();
                }
            }
        }, "hold-watchdog");
        watchdog.setDaemon(true);
        threads.holdStarts();
        watchdog.start();
        T result;
        try {
            result = spawn.get();
        } finally {
            synchronized (lock) {
                returned[0] = true;
                lock.notifyAll();
            }
        }
        synchronized (lock) {
            waitsForItsThreads = lifted[0];
            return new Held<>(result, !lifted[0]);
        }
    }

    /** Waits up to {@code nanos} for {@code returned[0]}, on {@code lock}; whether it came. */
    private static boolean awaitReturn(Object lock, boolean[] returned, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (lock) {
            long left;
            while (!returned[0] && (left = deadline - System.nanoTime()) > 0) {
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return returned[0];
        }
    }

    /** A fresh value: a distinct object, so drops are told apart by identity. */
    static String value(String text) {
        return new String(text);
    }

    /** A box of the kit owning {@code value}, whose drop only logs. */
    <V> Box<V> box(V value) {
        return boxes.create(value);
    }

    /** Joins {@code handle}, bounded: a join that never returns fails the check with a thread dump. */
    <R> Result<R, Object> join(JoinHandle<R> handle, String what) {
        if (handle == null) {
            throw new AssertionFailedError(what + " returned null instead of a JoinHandle (T1)");
        }
        return Bounded.call("joining the thread started by " + what + " never returned: the thread did not end "
                + "(T2)", JOIN_TIMEOUT, handle::join);
    }

    /** The drops of {@code value} (by identity), in order. */
    List<Drop> dropsOf(Object value) {
        return boxes.drops().stream().filter(d -> d.value() == value).toList();
    }

    /** Where a drop ran, in words: the spawned thread, or which other one. */
    String where(Drop drop) {
        if (threads.isSpawnedThread(drop.thread())) {
            return "on the spawned thread";
        }
        return "on thread \"" + drop.thread().getName() + "\", which is not the spawned thread";
    }

    /** Every drop so far, for feedback: values and threads. */
    String dropLog() {
        List<Drop> drops = boxes.drops();
        if (drops.isEmpty()) {
            return "nothing was dropped";
        }
        StringBuilder out = new StringBuilder("drops so far:");
        for (Drop d : drops) {
            out.append("\n  ").append(Safely.show(d.value())).append(' ').append(where(d));
        }
        return out.toString();
    }

    /** The outcome of a join, for feedback. */
    static String show(Result<?, ?> outcome) {
        if (outcome instanceof Result.Err<?, ?> err) {
            return err.error() instanceof Throwable t ? "Err(" + Safely.describe(t) + ")"
                    : "Err(" + Safely.show(err.error()) + ")";
        }
        return outcome == null ? "null" : "Ok(" + Safely.show(((Result.Ok<?, ?>) outcome).value()) + ")";
    }
}
