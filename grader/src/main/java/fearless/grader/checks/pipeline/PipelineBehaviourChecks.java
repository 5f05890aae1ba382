package fearless.grader.checks.pipeline;

import static fearless.grader.checks.pipeline.Stages.call;
import static fearless.grader.checks.pipeline.Stages.check;

import fearless.api.Panic;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.race.Patience;
import fearless.grader.checks.kit.KitChannels;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Example-based checks: the values, the threads, the shutdown, and each way a stage can fail. */
@Exercise("pipeline")
class PipelineBehaviourChecks {

    /** A failure a function throws on purpose; recognised by identity. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /** An {@link Error} a function throws on purpose: not an exception, and still a panic. */
    static final class Meltdown extends Error {
        private static final long serialVersionUID = 1L;

        Meltdown(String message) {
            super(message);
        }
    }

    /** How long a function held by a check waits for another stage, at most; the solution needs milliseconds. */
    private static final Duration HOLD = Duration.ofSeconds(2);

    private static final String FUNCTIONS = "first = x -> 3 * x + 1, second = y -> \"v\" + y";

    /**
     * {@code second(first(x))} for each element, in input order: a few elements with duplicates,
     * none, and a thousand (M1).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"M1"})
    void output_in_input_order() {
        List<Integer> thousand = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            thousand.add((i * 7919) % 1000);
        }
        for (List<Integer> input : List.of(List.of(5, 1, 4, 1, 5, 9, 2, 6, 5), List.<Integer>of(), thousand)) {
            Stages stages = new Stages();
            String call = call(input, FUNCTIONS);
            Stages.Outcome got = stages.run(call, input, stages.first(x -> 3 * x + 1), stages.second(y -> "v" + y));
            List<String> expected = input.stream().map(x -> "v" + (3 * x + 1)).toList();
            check(got.thrown() == null && expected.equals(got.returned()), () -> call + " must return second(first(x)) "
                    + "for each x, in the order of the input (M1), but " + got.shown() + (got.thrown() == null
                            ? ", expected " + Stages.input(expected) : ""));
        }
    }

    /**
     * The source runs {@code first} on one spawned thread, the middle stage {@code second} on
     * another, and the sink receives on a third; the caller runs neither function (T1).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T1"})
    void each_stage_on_its_own_thread() {
        List<Integer> input = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        Stages stages = new Stages();
        String call = call(input, FUNCTIONS);
        Stages.Outcome got = stages.run(call, input, stages.first(x -> 3 * x + 1), stages.second(y -> "v" + y));
        check(got.thrown() == null, () -> call + " must return, but " + got.shown());
        Set<Thread> firsts = stages.firstThreads();
        Set<Thread> seconds = stages.secondThreads();
        check(!firsts.contains(stages.caller()) && !seconds.contains(stages.caller()), () -> "the caller's thread must "
                + "run neither function: each stage runs on a thread of its own, spawned through the Threads given "
                + "(T1), but in " + call + " the caller ran " + (firsts.contains(stages.caller()) ? "first" : "second")
                + " itself.");
        check(firsts.size() == 1 && stages.threads.isSpawnedThread(stages.source()), () -> "the source must run first "
                + "on one thread spawned through the Threads given (T1), but in " + call + " first ran on "
                + threadsOf(stages, firsts));
        check(seconds.size() == 1 && stages.threads.isSpawnedThread(stages.middle()), () -> "the middle stage must "
                + "run second on one thread spawned through the Threads given (T1), but in " + call + " second ran on "
                + threadsOf(stages, seconds));
        check(stages.source() != stages.middle(), () -> "the source and the middle stage must run on threads of their "
                + "own (T1), but in " + call + " first and second ran on the same thread");
        Thread sink = sinkOf(stages);
        check(sink != null && sink != stages.caller() && stages.threads.isSpawnedThread(sink)
                && sink != stages.source() && sink != stages.middle(), () -> "the sink must receive the middle stage's "
                + "messages on a third thread spawned through the Threads given (T1), but in " + call
                + " the messages were received " + (sink == null ? "by no single thread"
                        : sink == stages.caller() ? "by the caller's own thread" : "on " + threadsOf(stages, Set.of(sink))));
    }

    /**
     * When {@code run} returns, all three threads have been joined and every channel end made
     * through the kit is closed: the stages ended by disconnection (T2, M3).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T2", "M3"})
    void every_thread_joined_every_end_closed() {
        for (List<Integer> input : List.of(List.of(3, 1, 2), List.<Integer>of())) {
            Stages stages = new Stages();
            String call = call(input, FUNCTIONS);
            Stages.Outcome got = stages.run(call, input, stages.first(x -> 3 * x + 1), stages.second(y -> "v" + y));
            check(got.thrown() == null, () -> call + " must return, but " + got.shown());
            stages.verifyCleanEnd("when " + call + " returned");
        }
    }

    /**
     * {@code first} throws at element 3: a Panic whose payload is the join error of the source, the
     * payload of a thrown Panic or the exception itself; every thread joined and every end closed,
     * the later stages ended by disconnection (T2, M3).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T2", "M3"})
    void first_fails_panic_with_its_payload() {
        Object payload = List.of("the payload of first's panic");
        expectPanic(new Panic("first panicked on purpose", payload), payload, true, "the payload of the Panic first threw");
        Failure failure = new Failure("first failed on purpose");
        expectPanic(failure, failure, true, "the exception first threw");
    }

    /**
     * An {@link Error}, or a checked exception thrown past the compiler, ends its stage as any
     * failure does: a Panic carrying the throwable itself, every thread joined and every end closed,
     * whether {@code first} or {@code second} threw it (T2, M3).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T2", "M3"})
    void an_error_becomes_a_panic() {
        Meltdown inFirst = new Meltdown("first threw an Error on purpose");
        expectPanic(inFirst, inFirst, true, "the Error first threw");
        Meltdown inSecond = new Meltdown("second threw an Error on purpose");
        expectPanic(inSecond, inSecond, false, "the Error second threw");
        IOException checked = new IOException("first threw a checked exception on purpose");
        expectPanic(checked, checked, true, "the checked exception first threw");
    }

    /**
     * {@code second} throws on the third message; {@code first} of every later element waits until
     * the middle stage's thread has ended, so the source's next send finds the receiver gone. The
     * source must stop there and call {@code first} no more (M2); run throws a Panic carrying the
     * middle stage's failure (T2).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"M2", "T2"})
    void source_stops_once_its_send_fails() {
        List<Integer> input = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        Failure failure = new Failure("second failed on purpose");
        Stages stages = new Stages();
        boolean[] gaveUp = new boolean[1];
        String call = call(input, "first = x -> x, second throwing on the third message (x == 2)");
        Stages.Outcome got = stages.run(call, input, stages.first(x -> {
            if (x > 2 && !gaveUp[0]) {
                gaveUp[0] = !Patience.until(HOLD, () -> stages.middle() != null && !stages.middle().isAlive());
            }
            return x;
        }), stages.second(y -> {
            if (y == 2) {
                throw failure;
            }
            return y;
        }));
        check(got.panicked() && ((Panic) got.thrown()).payload() == failure, () -> call + " must throw a Panic whose "
                + "payload is the exception second threw, the middle stage's join error (T2), but " + got.shown());
        int late = stages.lateFirstCalls();
        check(late == 0 && stages.channels.refusedSends() > 0, () -> "once the middle stage has ended, its receiver "
                + "is gone, and the source's send hands the value back as an Err (M2): the source must stop and call "
                + "first no more. In " + call + ", " + (stages.channels.refusedSends() == 0
                        ? "no send was ever handed back: the middle stage's receiver was never closed"
                        : "first was called " + late + " more time(s) after a send had been handed back, "
                                + stages.firstCalls() + " times in all for 10 elements"));
        stages.verifyCleanEnd("when " + call + " threw");
    }

    /**
     * Both functions fail: {@code second} on the first message, then {@code first} on the second
     * element, after the middle stage has ended. The Panic carries the earliest failed stage in
     * pipeline order, the source, though the middle stage failed first in time (T2).
     */
    @Graded(points = 2, category = Category.BEHAVIOUR, rules = {"T2"})
    void earliest_failed_stage_reported() {
        List<Integer> input = List.of(0, 1, 2, 3);
        Failure early = new Failure("first failed on purpose, on element 1");
        Failure later = new Failure("second failed on purpose, on the first message");
        Stages stages = new Stages();
        String call = call(input, "first throwing on element 1 once second has thrown on the first message");
        Stages.Outcome got = stages.run(call, input, stages.first(x -> {
            if (x == 1) {
                Patience.until(HOLD, () -> stages.middle() != null && !stages.middle().isAlive());
                throw early;
            }
            return x;
        }), stages.second(y -> {
            throw later;
        }));
        check(got.panicked(), () -> call + " must throw a Panic (T2), but " + got.shown());
        Object payload = ((Panic) got.thrown()).payload();
        check(payload == early, () -> "when several stages fail, the Panic must carry the join error of the earliest "
                + "failed stage in pipeline order (T2): in " + call + " that is the source's, but run threw a Panic whose "
                + "payload is " + (payload == later ? "the middle stage's error. Join every handle, then report the "
                        + "source's Err first, then the middle stage's, then the sink's." : Safely.show(payload)));
        stages.verifyCleanEnd("when " + call + " threw");
    }

    /**
     * Runs a pipeline over {@code [0, ..., 7]} whose {@code first} (or {@code second}) throws
     * {@code thrown} on element 3 and expects a Panic carrying {@code payload}, every thread
     * joined and every end closed.
     */
    private static void expectPanic(Throwable thrown, Object payload, boolean inFirst, String what) {
        List<Integer> input = List.of(0, 1, 2, 3, 4, 5, 6, 7);
        Stages stages = new Stages();
        Function<Integer, Integer> failing = x -> {
            if (x == 3) {
                throw sneaky(thrown);
            }
            return x;
        };
        String call = call(input, (inFirst ? "first" : "second") + " throwing " + thrown.getClass().getSimpleName()
                + " on element 3");
        Stages.Outcome got = inFirst
                ? stages.run(call, input, stages.first(failing), stages.second(y -> y + 1))
                : stages.run(call, input, stages.first(x -> x), stages.second(failing));
        check(got.thrown() != null, () -> "when a stage throws, run must throw a Panic (T2), but " + call + " "
                + got.shown());
        check(got.panicked() && ((Panic) got.thrown()).payload() == payload, () -> call + " must throw a Panic whose "
                + "payload is " + what + ", what joining the failed stage gives (T2), but " + got.shown());
        stages.verifyCleanEnd("when " + call + " threw");
    }

    /** Throws any throwable, a checked exception included, from a lambda that declares none. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    private static String threadsOf(Stages stages, Set<Thread> threads) {
        if (threads.isEmpty()) {
            return "no thread at all";
        }
        List<String> names = new ArrayList<>();
        for (Thread t : threads) {
            names.add(t == stages.caller() ? "the caller's thread"
                    : stages.threads.isSpawnedThread(t) ? "a spawned thread" : "a thread not spawned through the Threads given (" + Safely.show(t.getName()) + ")");
        }
        return threads.size() + " thread(s): " + String.join(", ", names);
    }

    /** The one thread that received from the channel the middle stage sent into, or null. */
    static Thread sinkOf(Stages stages) {
        Thread middle = stages.middle();
        List<KitChannels.End> ends = stages.channels.ends();
        for (KitChannels.End sender : ends) {
            if (sender.kind() == KitChannels.Kind.SENDER && middle != null && sender.usedBy().contains(middle)) {
                for (KitChannels.End receiver : ends) {
                    if (receiver.kind() == KitChannels.Kind.RECEIVER && receiver.channel() == sender.channel()
                            && receiver.usedBy().size() == 1) {
                        return receiver.usedBy().iterator().next();
                    }
                }
            }
        }
        return null;
    }
}
