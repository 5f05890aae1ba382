package fearless.grader.check.race;

import fearless.grader.check.Safely;
import fearless.api.Unimplemented;
import fearless.grader.check.GraderError;
import fearless.grader.check.Hung;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.opentest4j.AssertionFailedError;

/**
 * Runs a piece of a check that might block forever (a lock that is never released, a re-entrant
 * lock that deadlocks on its own thread) on a fresh daemon thread, and waits for it a bounded
 * time, and on while its threads show signs of life ({@link Patience}: slow is not stuck). A hang
 * fails the check with the first line it gave and a {@link ThreadDump} of that thread and of
 * every thread it started; the stuck threads are abandoned. So a hang costs the timeout, not the
 * engine's backstop, and the student sees where each thread is stuck.
 *
 * <p>The body runs on one thread from start to end, so thread-bound objects (a guard belongs to
 * the thread that locked) behave as on the caller's thread. Its exceptions reach the caller: an
 * AssertionError or a {@link GraderError} as it is, an {@link Unimplemented} as a failure carrying
 * the stub's message, anything else as a failure saying what was thrown.
 */
public final class Bounded {

    /** A body that returns nothing. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private Bounded() {
    }

    /** Runs {@code body}, failing with {@code onHang} and a thread dump if it takes longer than {@code timeout}. */
    public static void run(String onHang, Duration timeout, Body body) {
        call(onHang, timeout, () -> {
            body.run();
            return null;
        });
    }

    /** As {@link #run}, returning what {@code body} returns. */
    public static <T> T call(String onHang, Duration timeout, Callable<T> body) {
        Objects.requireNonNull(body);
        ThreadGroup group = new ThreadGroup("bounded");
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread runner = new Thread(group, () -> {
            try {
                result[0] = body.call();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "check");
        runner.setDaemon(true);
        long start = System.nanoTime();
        runner.start();
        Patience.Verdict verdict = Patience.await(timeout, 1, nanos -> {
            runner.join(Math.max(1, nanos / 1_000_000));
            return !runner.isAlive();
        }, () -> threadsOf(group));
        if (verdict != Patience.Verdict.DONE) {
            String dump = ThreadDump.of(threadsOf(group));
            for (Thread t : threadsOf(group)) {
                t.interrupt();
            }
            throw new Hung(onHang + "\nstill not done " + Patience.account(verdict, start, timeout) + ":\n" + dump);
        }
        Throwable e = failure[0];
        if (e == null) {
            @SuppressWarnings("unchecked")
            T value = (T) result[0];
            return value;
        }
        if (e instanceof AssertionError assertion) {
            throw assertion;
        }
        if (e instanceof GraderError graderError) {
            throw graderError;
        }
        if (e instanceof Unimplemented) {
            throw new AssertionFailedError(Safely.message(e), e);
        }
        throw new AssertionFailedError("unexpected " + Safely.describe(e), e);
    }

    private static List<Thread> threadsOf(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 8];
        int n = group.enumerate(threads, true);
        return new ArrayList<>(Arrays.asList(threads).subList(0, n));
    }
}
