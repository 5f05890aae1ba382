package fearless.grader.checks.pipeline;

import static fearless.grader.checks.pipeline.Stages.call;
import static fearless.grader.checks.pipeline.Stages.check;

import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.ThreadLeaks;
import fearless.grader.checks.kit.KitChannels;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The stages at work at the same time, shutdown by disconnection, and no thread left behind. */
@Exercise("pipeline")
class PipelineRaceChecks {

    /**
     * The longest a function waits for another stage to get somewhere. A pipelined
     * implementation gets there in milliseconds; only one whose stages cannot overlap waits this
     * long, unless the check sees sooner that they cannot.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    /** How long the caller must be seen waiting, with only the source spawned, to be judged sequential. */
    private static final Duration SETTLED = Duration.ofMillis(60);

    /**
     * The stages run at the same time: {@code first} of element 1 waits until {@code second} of
     * element 0 has run, which only a pipeline whose middle stage works while the source still
     * computes allows (T1); {@code second} of element 0 waits until the sink waits for a message,
     * which a sink that drains what is there and stops never does (M3). A pipeline that runs the
     * source to its end before it starts the middle stage fails here, as soon as the check sees
     * that the caller waits with only the source spawned.
     */
    @Graded(points = 3, category = Category.RACE, rules = {"T1", "M3", "M1"}, dependsOnScheduling = true)
    void stages_run_at_once() {
        List<Integer> input = List.of(0, 1, 2, 3, 4, 5);
        Stages stages = new Stages();
        AtomicBoolean secondOfZeroRan = new AtomicBoolean();
        AtomicBoolean met = new AtomicBoolean();
        AtomicBoolean sinkWaited = new AtomicBoolean();
        int[] spawnedWhenGivenUp = {-1};
        String call = call(input, "first of element 1 waiting for second of element 0, second = y -> y * 10");
        Stages.Outcome got = stages.run(call, input, stages.first(x -> {
            if (x == 1) {
                long[] since = {0};
                boolean ok = Patience.until(PATIENCE, () -> secondOfZeroRan.get()
                        || sequential(stages, since));
                met.set(ok && secondOfZeroRan.get());
                if (!met.get()) {
                    spawnedWhenGivenUp[0] = stages.threads.spawnCount();
                }
            }
            return x;
        }), stages.second(y -> {
            if (y == 0) {
                secondOfZeroRan.set(true);
                Patience.until(PATIENCE, () -> {
                    if (stages.channels.receiversWaiting() > 0) {
                        sinkWaited.set(true);
                    }
                    return sinkWaited.get() || sinkEnded(stages);
                });
            }
            return y * 10;
        }));
        int spawned = spawnedWhenGivenUp[0];
        check(met.get(), () -> "the stages must work at the same time: the middle stage takes the first message while "
                + "the source still computes later ones (T1). In " + call + ", second(0) never ran while first(1) "
                + "waited for it" + (spawned >= 0 && spawned < 2 ? ": the caller waited for the source with only the "
                        + "source spawned. Spawn all three stages first, keeping the handles; join them after."
                        : ": the stages ran one after the other."));
        check(sinkWaited.get(), () -> "the sink must wait for messages while a sender is open, and end only on "
                + "disconnection (M3), but in " + call + " the sink ended before the middle stage's first message "
                + "instead of waiting for it: iterate over the receiver (for (C c : rx)), which waits, not over "
                + "tryIter(), which stops at the first empty moment.");
        List<Integer> expected = input.stream().map(x -> x * 10).toList();
        check(got.thrown() == null && expected.equals(got.returned()), () -> call + " must return " + expected
                + " (M1), but " + got.shown());
        stages.verifyCleanEnd("when " + call + " returned");
    }

    /**
     * Shutdown is by disconnection: each stage's receiving ends because the previous stage closed
     * its sender, not by counting the messages it expects (M3). A stage that never closes its
     * sender leaves the next one waiting forever: the check names it.
     */
    @Graded(points = 2, category = Category.RACE, rules = {"M3"})
    void shutdown_by_disconnection() {
        for (List<Integer> input : List.of(List.of(4, 8, 15, 16, 23, 42), List.<Integer>of())) {
            Stages stages = new Stages();
            String call = call(input, "first = x -> x + 1, second = y -> -y");
            Stages.Outcome got = stages.run(call, input, stages.first(x -> x + 1), stages.second(y -> -y));
            check(got.thrown() == null, () -> call + " must return, but " + got.shown());
            for (KitChannels.End end : stages.channels.ends()) {
                check(end.kind() != KitChannels.Kind.RECEIVER || end.sawDisconnection(), () -> "each stage must "
                        + "receive until the previous stage has closed its sender, and end on that disconnection "
                        + "(M3), but in " + call + " " + end.describe() + " was closed before it ever saw its senders "
                        + "gone: the stage stopped by itself (counting the messages?) instead of iterating until "
                        + "disconnection.");
            }
        }
    }

    /**
     * No thread the pipeline started outlives {@code run}, whether it returns or throws: the kit
     * sees every handle joined, and no new thread is still alive after a short grace (T2).
     */
    @Graded(points = 1, category = Category.RACE, rules = {"T2"})
    void no_threads_left_behind() {
        List<Integer> input = List.of(1, 2, 3, 4, 5);
        Stages returning = new Stages();
        String call = call(input, "first = x -> x * x, second = y -> y - 1");
        ThreadLeaks.check("a thread started by the pipeline was still running after " + call + " returned (T2)",
                () -> returning.run(call, input, returning.first(x -> x * x), returning.second(y -> y - 1)));
        returning.verifyCleanEnd("when " + call + " returned");
        Stages failing = new Stages();
        String failingCall = call(input, "first throwing on element 1");
        ThreadLeaks.check("a thread started by the pipeline was still running after " + failingCall + " threw (T2)",
                () -> failing.run(failingCall, input, failing.first(x -> {
                    if (x == 2) {
                        throw new PipelineBehaviourChecks.Failure("first failed on purpose");
                    }
                    return x;
                }), failing.second(y -> y)));
        failing.verifyCleanEnd("when " + failingCall + " threw");
    }

    /**
     * Whether the caller waits with only the source spawned, steadily for {@link #SETTLED}: it
     * waits for the source before spawning the middle stage, so the stages cannot overlap.
     */
    private static boolean sequential(Stages stages, long[] since) {
        Thread caller = stages.caller();
        boolean waiting = stages.threads.spawnCount() < 2 && caller != null
                && (caller.getState() == Thread.State.WAITING || caller.getState() == Thread.State.TIMED_WAITING);
        if (!waiting) {
            since[0] = 0;
            return false;
        }
        long now = System.nanoTime();
        if (since[0] == 0) {
            since[0] = now;
        }
        return now - since[0] >= SETTLED.toNanos();
    }

    /**
     * Whether a spawned thread other than the source and the middle stage has ended: the sink gave
     * up early. A thread spawned but not started yet is not alive either, so only a terminated one counts.
     */
    private static boolean sinkEnded(Stages stages) {
        for (Thread t : stages.threads.threads()) {
            if (t != stages.source() && t != Thread.currentThread() && t.getState() == Thread.State.TERMINATED) {
                return true;
            }
        }
        return false;
    }
}
