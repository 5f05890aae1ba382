package fearless.grader.checks.parallel;

import static fearless.grader.checks.parallel.Parallels.call;
import static fearless.grader.checks.parallel.Parallels.check;
import static fearless.grader.checks.parallel.Parallels.fresh;
import static fearless.grader.checks.parallel.Parallels.isPanic;
import static fearless.grader.checks.parallel.Parallels.rethrowStub;
import static fearless.grader.checks.parallel.Parallels.scenario;

import fearless.grader.check.Expect;
import fearless.api.Panic;
import fearless.api.thread.Parallel;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.checks.kit.KitThreads;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/** Example-based checks: the threads overlap, the parts come back in order, the edges, and failures. */
@Exercise("parallel")
class ParallelBehaviourChecks {

    /** A failure {@code f} throws on purpose; recognised by identity. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /** An {@link Error} {@code f} throws on purpose: not an exception, and still a panic. */
    private static final class Meltdown extends Error {
        private static final long serialVersionUID = 1L;

        Meltdown() {
            super("meltdown: f threw an Error on purpose");
        }
    }

    /**
     * Every chunk's thread runs at the same time as the others: each waits, on its first input,
     * until all {@code min(threads, size)} have arrived, which threads run one after the other
     * never do (T1). A computation that joins each thread before spawning the next fails at once.
     */
    @Graded(points = 3, category = Category.BEHAVIOUR, rules = {"T1"})
    void threads_run_at_once() {
        scenario("map(...) or reduce(...) did not return while its threads waited for each other (T1)", () -> {
            meetIn("map", 4, 4);
            meetIn("map", 10, 3);
            meetIn("map", 5, 8);
            meetIn("reduce", 9, 4);
        });
    }

    /**
     * The parts are put together in input order, whatever order the threads finish in: here the
     * last chunk's thread is made to finish first and the first chunk's last (T2).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T2"})
    void results_in_input_order_whatever_finishes_first() {
        scenario("map(...) or reduce(...) did not return while its chunks finished last to first (T2)", () -> {
            WatchedThreads threads = new WatchedThreads();
            List<Integer> inputs = new Cases(8, 4).indices();
            LaterChunksFirst schedule = new LaterChunksFirst(threads, 8, 4);
            String call = call("map", inputs, 4) + " with f = x -> \"#\" + x";
            List<String> got = fresh(threads).map(inputs, 4, x -> {
                schedule.visit(x);
                return "#" + x;
            });
            List<String> expected = new ArrayList<>();
            inputs.forEach(x -> expected.add("#" + x));
            check(expected.equals(got), () -> "the results must come back in the order of the inputs, whatever "
                    + "order the threads finish in (T2): with the last chunk's thread finishing first and the first "
                    + "chunk's last, " + call + " returned " + Safely.show(got) + ", expected " + expected);

            WatchedThreads reduceThreads = new WatchedThreads();
            List<Piece> pieces = new ArrayList<>();
            Map<Piece, Integer> index = new IdentityHashMap<>();
            for (int i = 0; i < 12; i++) {
                Piece p = new Piece(String.valueOf((char) ('a' + i)));
                pieces.add(p);
                index.put(p, i);
            }
            LaterChunksFirst reduceSchedule = new LaterChunksFirst(reduceThreads, 12, 3);
            String reduceCall = call("reduce", pieces, 3) + " with string concatenation";
            Piece folded = fresh(reduceThreads).reduce(pieces, 3, new Piece(""), (a, b) -> {
                Integer i = index.get(b);
                if (i != null) {
                    reduceSchedule.visit(i);
                }
                return Piece.concat(a, b);
            });
            check(new Piece("abcdefghijkl").equals(folded), () -> "the chunks' results must be combined in input "
                    + "order, whatever order the threads finish in (T2): with the last chunk's thread finishing first "
                    + "and the first chunk's last, " + reduceCall + " returned " + Safely.show(folded)
                    + ", expected \"abcdefghijkl\"");
        });
    }

    /** Empty inputs spawn no thread: {@code map} gives an empty list and {@code reduce} the identity (T1). */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T1"})
    void empty_inputs_spawn_nothing() {
        scenario("map or reduce of no inputs did not return (T1)", () -> {
            WatchedThreads threads = new WatchedThreads();
            AtomicInteger calls = new AtomicInteger();
            List<Object> mapped = attempt("map(no inputs, threads = 3, f)", "return an empty list",
                    () -> fresh(threads).map(List.of(), 3, x -> calls.incrementAndGet()));
            check(mapped != null && mapped.isEmpty(), () -> "map(no inputs, threads = 3, f) must return an empty "
                    + "list (T1), but returned " + Safely.show(mapped));
            nothingSpawned(threads.kit(), calls, "map(no inputs, threads = 3, f)");
            Piece identity = new Piece("");
            Piece folded = attempt("reduce(no inputs, threads = 3, identity, op)", "return the identity",
                    () -> fresh(threads).reduce(List.of(), 3, identity, (a, b) -> {
                        calls.incrementAndGet();
                        return Piece.concat(a, b);
                    }));
            check(identity.equals(folded), () -> "reduce(no inputs, threads = 3, identity \"\", op) must return the "
                    + "identity (T1), but returned " + Safely.show(folded));
            nothingSpawned(threads.kit(), calls, "reduce(no inputs, threads = 3, identity, op)");
        });
    }

    /**
     * {@code threads} below one is an {@link IllegalArgumentException}, whatever the inputs (none
     * included), before any thread is spawned (T1).
     */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T1"})
    void fewer_than_one_thread_rejected() {
        scenario("map or reduce with threads below one did not return (T1)", () -> {
            WatchedThreads threads = new WatchedThreads();
            AtomicInteger calls = new AtomicInteger();
            Parallel parallel = fresh(threads);
            rejects("map(inputs [1, 2, 3], threads = 0, f)", () -> parallel.map(List.of(1, 2, 3), 0,
                    x -> calls.incrementAndGet()));
            rejects("reduce(inputs [1, 2, 3], threads = -2, 0, op)", () -> parallel.reduce(List.of(1, 2, 3), -2, 0,
                    (a, b) -> calls.incrementAndGet()));
            rejects("map(no inputs, threads = 0, f)", () -> parallel.map(List.of(), 0, x -> calls.incrementAndGet()));
            nothingSpawned(threads.kit(), calls, "a call with threads below one");
        });
    }

    /**
     * When chunks fail, the Panic carries the join error of the first failing chunk in input
     * order, though a later chunk failed first; both for a thrown exception (its join error is
     * the exception) and for a thrown {@code Panic} (its join error is the payload) (T2).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T2"})
    void panic_carries_the_first_failing_chunks_error() {
        scenario("map(...) or reduce(...) with failing chunks did not return (T2)", () -> {
            Failure first = new Failure("the second chunk failed");
            Failure later = new Failure("the third chunk failed");
            expectPayload("map", first, first, later, "the exception f threw");
            Object payload = "payload of the second chunk's panic";
            expectPayload("reduce", payload, new Panic("the second chunk panicked", payload),
                    new Panic("the third chunk panicked", "payload of the third chunk's panic"),
                    "the payload of the Panic f threw");
        });
    }

    /**
     * A failing chunk is reported only after every other thread has been joined: none is left
     * running. The last chunk here finishes only once the caller joins it (T2).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T2"})
    void every_thread_joined_before_the_panic() {
        scenario("map(...) with failing chunks did not return (T2)", () -> {
            WatchedThreads threads = new WatchedThreads();
            KitThreads kit = threads.kit();
            FailingChunks chunks = new FailingChunks(threads, new Failure("the second chunk failed"),
                    new Failure("the third chunk failed"));
            String call = call("map", new Cases(FailingChunks.SIZE, 1).indices(), FailingChunks.THREADS);
            int notJoined;
            int running;
            try {
                fresh(threads).map(new Cases(FailingChunks.SIZE, 1).indices(), FailingChunks.THREADS, chunks::work);
                throw new AssertionFailedError("when f throws on a spawned thread, map must throw a Panic (T2), but "
                        + call + " returned, with f failing on inputs " + FailingChunks.FIRST_FAILURE + " and "
                        + FailingChunks.LATER_FAILURE);
            } catch (RuntimeException | Error e) {
                rethrowStub(e);
                if (e instanceof AssertionError assertion) {
                    throw assertion;
                }
                notJoined = kit.notJoined();
                running = kit.stillRunning();
            } finally {
                chunks.over();
            }
            int unjoined = notJoined;
            int stillRunning = running;
            check(unjoined == 0 && stillRunning == 0, () -> "every thread must be joined before a failure is "
                    + "reported (T2): when " + call + " threw, with the second and third chunks failed, " + unjoined
                    + " of its " + kit.spawnCount() + " threads had not been joined, and " + stillRunning
                    + " had not finished. Join them all first, then report the first failure.");
        });
    }

    /** An {@link Error} thrown by {@code f} ends its thread as any failure does: a Panic carrying that Error (T2). */
    @Graded(points = 1, category = Category.BEHAVIOUR, rules = {"T2"})
    void an_error_becomes_a_panic() {
        scenario("map(...) with an Error thrown by f did not return (T2)", () -> {
            Meltdown meltdown = new Meltdown();
            List<Integer> inputs = List.of(0, 1, 2, 3);
            String call = call("map", inputs, 2) + " with f throwing an Error on input 2";
            Throwable thrown = thrown(() -> fresh(new WatchedThreads()).map(inputs, 2, x -> {
                if (x == 2) {
                    throw meltdown;
                }
                return x;
            }));
            check(thrown != null, () -> call + " must throw a Panic (T2), but it returned");
            check(isPanic(thrown) && ((Panic) thrown).payload() == meltdown, () -> call + " must throw a Panic whose "
                    + "payload is that Error, the thread's join error (T2), but threw " + shown(thrown));
        });
    }

    /** Runs {@code method} ("map" or "reduce") with a function that waits for every chunk's thread to arrive. */
    private static void meetIn(String method, int size, int threadCount) {
        WatchedThreads threads = new WatchedThreads();
        int chunks = Math.min(size, threadCount);
        Rendezvous meeting = rendezvous(threads, chunks);
        List<Integer> inputs = new Cases(size, threadCount).indices();
        Parallel parallel = fresh(threads);
        if (method.equals("map")) {
            parallel.map(inputs, threadCount, x -> {
                meeting.arrive();
                return x;
            });
        } else {
            parallel.reduce(inputs, threadCount, 0, (a, b) -> {
                meeting.arrive();
                return a + b;
            });
        }
        met(meeting, threads, chunks, call(method, inputs, threadCount));
    }

    private static Rendezvous rendezvous(WatchedThreads threads, int chunks) {
        return new Rendezvous(chunks, () -> threads.joinedBeforeSpawning(chunks),
                () -> threads.kit().isSpawnedThread(Thread.currentThread()));
    }

    private static void met(Rendezvous meeting, WatchedThreads threads, int chunks, String call) {
        int spawnedAtJoin = threads.spawnedAtFirstJoin();
        check(meeting.met(), () -> "the chunks' threads must all run at once (T1): in " + call + " each of the "
                + chunks + " threads waited for the others, but only " + meeting.arrivals() + " ever ran at the same time"
                + (spawnedAtJoin >= 0 && spawnedAtJoin < chunks ? ": the caller began to join after spawning only "
                        + spawnedAtJoin + " thread(s). Spawn every thread first, keeping the handles; join them after."
                        : "."));
    }

    /** map (with a thrown exception) or reduce (with a thrown Panic) over {@link FailingChunks}, expecting {@code payload}. */
    private static void expectPayload(String method, Object payload, RuntimeException first, RuntimeException later,
            String what) {
        WatchedThreads threads = new WatchedThreads();
        FailingChunks chunks = new FailingChunks(threads, first, later);
        List<Integer> inputs = new Cases(FailingChunks.SIZE, 1).indices();
        Parallel parallel = fresh(threads);
        String call = call(method, inputs, FailingChunks.THREADS) + " with the second chunk failing on input "
                + FailingChunks.FIRST_FAILURE + " and the third, earlier, on input " + FailingChunks.LATER_FAILURE;
        Throwable thrown;
        try {
            thrown = thrown(method.equals("map") ? () -> parallel.map(inputs, FailingChunks.THREADS, chunks::work)
                    : () -> parallel.reduce(inputs, FailingChunks.THREADS, 0, (a, b) -> a + chunks.work(b)));
        } finally {
            chunks.over();
        }
        check(thrown != null, () -> "when f throws on a spawned thread, " + method + " must throw a Panic (T2), but "
                + call + " returned");
        check(isPanic(thrown), () -> method + " must throw a Panic whose payload is the failing thread's join error "
                + "(T2), but " + call + " threw " + shown(thrown));
        Object got = ((Panic) thrown).payload();
        check(got == payload, () -> "the Panic must carry the join error of the first failing chunk, in input "
                + "order (T2): that is " + what + " on input " + FailingChunks.FIRST_FAILURE + ", but " + call
                + " threw a Panic whose payload is " + (got == laterPayload(later)
                        ? "the third chunk's error, which failed first in time. Join every handle, then report the first "
                                + "Err in input order."
                        : Safely.show(got)));
    }

    private static Object laterPayload(RuntimeException later) {
        return later instanceof Panic p ? p.payload() : later;
    }

    /** What {@code call} threw, or null if it returned; a stub's panic goes on as it is. */
    private static Throwable thrown(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException | Error e) {
            rethrowStub(e);
            if (e instanceof AssertionError assertion) {
                throw assertion;
            }
            return e;
        }
    }

    private static String shown(Throwable thrown) {
        if (thrown instanceof Panic panic) {
            return "a Panic whose payload is " + Safely.show(panic.payload());
        }
        return Safely.describe(thrown);
    }

    private static <T> T attempt(String call, String expected, Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException | Error e) {
            throw Expect.unexpected(call, expected, e);
        }
    }

    private static void rejects(String call, Runnable body) {
        Throwable thrown = thrown(body);
        check(thrown instanceof IllegalArgumentException, () -> call + " must throw an IllegalArgumentException: a "
                + "computation needs at least one thread (T1), but " + (thrown == null ? "it returned"
                        : "it threw " + Safely.describe(thrown)));
    }

    private static void nothingSpawned(KitThreads kit, AtomicInteger calls, String call) {
        int spawned = kit.spawnCount();
        check(spawned == 0, () -> call + " must spawn no thread (T1), but spawned " + spawned);
        check(calls.get() == 0, () -> call + " must call no function, but called one " + calls.get() + " time(s)");
    }
}
