package fearless.grader.check.race;

import fearless.grader.check.Safely;
import fearless.api.Unimplemented;
import fearless.grader.check.Hung;
import fearless.grader.check.Seeds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * A stress run: {@code threads} threads released together by a start gate, each running the same
 * body against one shared object, repeated for {@code rounds} rounds with a fresh object each
 * round. Every wait is bounded: a round that does not finish within its timeout, and whose threads
 * then show no sign of life ({@link Patience}: on a busy machine slow is not stuck), fails the
 * check with a {@link ThreadDump} of the stuck threads (and the lock cycle, if there is one); stuck
 * threads are abandoned, never joined forever, and are daemon threads so they cannot keep the
 * JVM alive.
 *
 * <pre>{@code
 * Stress.of("mutex/lots_and_lots", () -> mutexes.create(0))
 *       .threads(4).rounds(20)
 *       .onHang("threads waiting in lock() were never woken (X1)")
 *       .run((m, t) -> { for (int i = 0; i < 1000; i++) m.withLock(g -> { g.set(g.get() + 1); return null; }); },
 *            m -> assertEquals(4000, m.intoInner().unwrap()));
 * }</pre>
 *
 * <p>The check's seed ({@link Seeds#forCheck}) fixes each round's thread start order and how often
 * each thread yields after the gate (0 to 2 times), so start alignments vary from round to round
 * yet repeat run to run as far as the OS scheduler allows; the feedback says so. A body that
 * throws fails the check, naming the thread; an {@link Unimplemented} fails it at once with its
 * own message.
 *
 * @param <S> the shared object under test
 */
public final class Stress<S> {

    /** The work of one thread in one round. */
    @FunctionalInterface
    public interface Body<S> {
        /**
         * @param shared this round's object under test
         * @param thread this thread's index, 0 to {@code threads - 1}
         */
        void run(S shared, int thread) throws Exception;
    }

    /**
     * What must hold once every thread of a round has finished; fails by throwing an AssertionError.
     * It runs on a {@link Bounded} thread, so it may block only as long as a round may take.
     */
    @FunctionalInterface
    public interface Verdict<S> {
        void check(S shared) throws Exception;
    }

    /**
     * A round's work grows with the load more than in proportion (every lock hand-off waits for the
     * scheduler), so running threads get twice their time, stretched for the machine's load.
     */
    private static final double ROUND_MARGIN = 2;

    /** How long the other threads get to finish after one has failed, before the failure is reported. */
    private static final long GRACE_MILLIS = 200;

    private final String checkId;
    private final Supplier<? extends S> fresh;
    private int threads = 4;
    private int rounds = 20;
    private Duration roundTimeout = Duration.ofSeconds(2);
    private String hangMessage = "the threads did not finish: some are stuck waiting (deadlock or lost wake-up)";
    private Function<? super S, String> diagnose = s -> null;

    private Stress(String checkId, Supplier<? extends S> fresh) {
        this.checkId = Objects.requireNonNull(checkId);
        this.fresh = Objects.requireNonNull(fresh);
    }

    /**
     * A stress run for the check {@code checkId} (e.g. {@code "mutex/lots_and_lots"}, which seeds
     * the yields), creating each round's object with {@code fresh}, on the calling thread.
     */
    public static <S> Stress<S> of(String checkId, Supplier<? extends S> fresh) {
        return new Stress<>(checkId, fresh);
    }

    /** Number of threads released together each round (default 4). */
    public Stress<S> threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads < 1");
        }
        this.threads = threads;
        return this;
    }

    /** Number of rounds, each with a fresh object (default 20). */
    public Stress<S> rounds(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds < 1");
        }
        this.rounds = rounds;
        return this;
    }

    /** How long one round may take before it counts as hung (default 2 s). */
    public Stress<S> roundTimeout(Duration timeout) {
        this.roundTimeout = Objects.requireNonNull(timeout);
        return this;
    }

    /** The first line of the feedback when a round hangs: what went wrong, in plain words, with rule ids. */
    public Stress<S> onHang(String firstLine) {
        this.hangMessage = Objects.requireNonNull(firstLine);
        return this;
    }

    /**
     * What the check knows about the stuck object (who holds a guard, who waits), added to the
     * thread dump of a hang; return null for nothing. Called on the checking thread, so it must
     * not block on the object.
     */
    public Stress<S> diagnose(Function<? super S, String> state) {
        this.diagnose = Objects.requireNonNull(state);
        return this;
    }

    /** Runs every round; fails on the first thread failure, or with {@link Hung} on the first hang. */
    public void run(Body<S> body) {
        run(body, null);
    }

    /** Runs every round, checking {@code after} once every thread of a round has finished. */
    public void run(Body<S> body, Verdict<S> after) {
        long seed = Seeds.forCheck(checkId);
        for (int round = 1; round <= rounds; round++) {
            S shared = fresh.get();
            runRound(shared, body, round, new Random(seed + round));
            if (after != null) {
                try {
                    Bounded.run("checking the result after every thread had finished blocked on the object under "
                            + "test, although no thread was using it any more", roundTimeout, () -> after.check(shared));
                } catch (Hung e) {
                    throw new Hung(e.getMessage() + context(round));
                } catch (AssertionError e) {
                    throw new AssertionFailedError(e.getMessage() + context(round), e);
                }
            }
        }
    }

    private void runRound(S shared, Body<S> body, int round, Random random) {
        RoundState state = new RoundState(threads);
        List<Thread> workers = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int index = t;
            int yields = random.nextInt(3);
            Thread worker = new Thread(() -> work(shared, body, index, yields, state), "worker-" + t);
            worker.setDaemon(true);
            workers.add(worker);
        }
        List<Thread> startOrder = new ArrayList<>(workers);
        java.util.Collections.shuffle(startOrder, random);
        for (Thread worker : startOrder) {
            worker.start();
        }
        long start = System.nanoTime();
        state.open(start + roundTimeout.toNanos());
        Patience.Verdict verdict = Patience.await(roundTimeout, ROUND_MARGIN, state::awaitSettled, () -> stuck(workers));
        Outcome outcome = state.outcome();
        if (outcome.failure != null) {
            throw threadFailure(outcome, workers, shared, round);
        }
        if (verdict != Patience.Verdict.DONE) {
            String dump = ThreadDump.of(stuck(workers));
            abandon(workers);
            throw new Hung(hangMessage + "\n"
                    + outcome.running + " of " + threads + " threads still not done "
                    + Patience.account(verdict, start, roundTimeout) + ":\n" + dump + diagnosis(shared) + context(round));
        }
    }

    private static <S> void work(S shared, Body<S> body, int index, int yields, RoundState state) {
        try {
            if (!state.awaitGate()) {
                return;
            }
            for (int i = 0; i < yields; i++) {
                Thread.yield();
            }
            body.run(shared, index);
        } catch (Throwable e) {
            state.failed(Thread.currentThread().getName(), e);
        } finally {
            state.finished();
        }
    }

    private AssertionFailedError threadFailure(Outcome outcome, List<Thread> workers, S shared, int round) {
        Throwable e = outcome.failure;
        if (e instanceof Unimplemented) {
            abandon(workers);
            return new AssertionFailedError(Safely.message(e), e);
        }
        String what = e instanceof AssertionError ? Safely.message(e)
                : "\"" + outcome.failedThread + "\" threw " + e + studentFrames(e);
        String rest = "";
        if (outcome.running > 0) {
            rest = "\nmeanwhile " + outcome.running + " other threads were stuck:\n"
                    + ThreadDump.of(stuck(workers)) + diagnosis(shared);
        }
        abandon(workers);
        return failure(what + rest, round, e);
    }

    private AssertionFailedError failure(String message, int round, Throwable cause) {
        return new AssertionFailedError(message + context(round), cause);
    }

    private String diagnosis(S shared) {
        String said;
        try {
            said = diagnose.apply(shared);
        } catch (RuntimeException e) {
            said = "(state unavailable: " + e + ")";
        }
        return said == null ? "" : "  " + said + "\n";
    }

    private String context(int round) {
        return "\n(stress run: " + threads + " threads, round " + round + " of " + rounds + "; seed " + Seeds.seed()
                + ". The seed fixes each round's start order and pauses; the operating system's scheduler decides "
                + "the rest, so a rerun with this seed may fail in another round, or, rarely, pass)";
    }

    private static String studentFrames(Throwable e) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (StackTraceElement frame : e.getStackTrace()) {
            if (shown < 4 && ThreadDump.isStudentCode(frame)) {
                out.append("\n      at ").append(ThreadDump.frame(frame));
                shown++;
            }
        }
        return out.toString();
    }

    private static List<Thread> stuck(List<Thread> workers) {
        List<Thread> alive = new ArrayList<>();
        for (Thread t : workers) {
            if (t.isAlive()) {
                alive.add(t);
            }
        }
        return alive;
    }

    /** Interrupts stuck threads and leaves them: they are daemons, and never joined. */
    private static void abandon(List<Thread> workers) {
        for (Thread t : workers) {
            if (t.isAlive()) {
                t.interrupt();
            }
        }
    }

    /** How a round ended: the first failure, if any, and how many threads were still running. */
    private record Outcome(String failedThread, Throwable failure, int running) {
    }

    /** The start gate and the bookkeeping of one round, on one monitor so every wait is bounded. */
    private static final class RoundState {
        private final int threads;
        private int arrived;
        private boolean open;
        private int running;
        private String failedThread;
        private Throwable failure;

        RoundState(int threads) {
            this.threads = threads;
            this.running = threads;
        }

        /** Waits (until the deadline at most) for every thread to reach the gate, then opens it. */
        synchronized void open(long deadline) {
            try {
                waitUntil(() -> arrived == threads || running < threads, deadline);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            open = true;
            notifyAll();
        }

        /** Waits for the gate (bounded); false if it never opened. */
        synchronized boolean awaitGate() throws InterruptedException {
            arrived++;
            notifyAll();
            return waitUntil(() -> open, System.nanoTime() + Duration.ofSeconds(5).toNanos());
        }

        synchronized void failed(String thread, Throwable e) {
            if (failure == null) {
                failedThread = thread;
                failure = e;
            }
            notifyAll();
        }

        synchronized void finished() {
            running--;
            notifyAll();
        }

        /** Waits at most {@code nanos} until every thread finished or one failed; true if so. */
        synchronized boolean awaitSettled(long nanos) throws InterruptedException {
            return waitUntil(() -> running == 0 || failure != null, System.nanoTime() + nanos);
        }

        /** How the round ended; after a failure, the other threads get a grace period to finish first. */
        synchronized Outcome outcome() {
            if (failure != null) {
                try {
                    waitUntil(() -> running == 0, System.nanoTime() + GRACE_MILLIS * 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new Outcome(failedThread, failure, running);
        }

        /** Waits on this monitor (held by the caller) until {@code done} holds or {@code end} passes; whether it holds. */
        private boolean waitUntil(java.util.function.BooleanSupplier done, long end) throws InterruptedException {
            while (!done.getAsBoolean()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
