package fearless.grader.checks.threadmove;

import fearless.api.Result;
import fearless.api.ownership.Box;
import fearless.api.thread.JoinHandle;
import fearless.api.thread.MoveSpawner;
import fearless.api.thread.MoveSpawnerProvider;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.Bounded;
import fearless.grader.checks.kit.KitBoxes;
import fearless.grader.checks.kit.KitBoxes.Drop;
import fearless.grader.checks.kit.KitThreads;
import java.time.Duration;
import java.util.List;
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
