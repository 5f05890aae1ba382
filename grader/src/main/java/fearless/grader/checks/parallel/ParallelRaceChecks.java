package fearless.grader.checks.parallel;

import static fearless.grader.checks.parallel.Parallels.check;
import static fearless.grader.checks.parallel.Parallels.fresh;
import static fearless.grader.checks.parallel.Parallels.scenario;

import fearless.grader.check.Expect;
import fearless.api.thread.Parallel;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** Several callers on one computation at once: each call's results are its own. */
@Exercise("parallel")
class ParallelRaceChecks {

    /** Calls at once on one computation, each on its own calling thread. */
    private static final int CALLERS = 2;

    private static final int THREADS_PER_CALL = 2;

    /** Three inputs per chunk: after the meeting, every thread still has inputs to work on. */
    private static final int INPUTS_PER_CALL = 6;

    private static final int ROUNDS = 3;

    /**
     * How long the threads of the calls wait for each other. A computation that lets one call run
     * at a time (all its methods {@code synchronized}) is correct, only slower: its threads never
     * meet, and this is what each round costs it.
     */
    private static final Duration MEETING_PATIENCE = Duration.ofMillis(800);

    /**
     * Two callers call {@code map} on the same computation at the same time; the threads of both
     * calls meet before any of them returns a result, so every call is in flight at once. Each
     * call must get exactly its own results: a computation keeping a call's parts in a field of
     * its own mixes them up (T2).
     */
    @Graded(points = 2, category = Category.RACE, rules = {"T2"}, dependsOnScheduling = true)
    void concurrent_calls_do_not_mix() {
        scenario("two map(...) calls at once on one computation did not return (T2)", () -> {
            for (int round = 0; round < ROUNDS; round++) {
                WatchedThreads threads = new WatchedThreads();
                Parallel parallel = fresh(threads);
                Rendezvous meeting = new Rendezvous(CALLERS * THREADS_PER_CALL, MEETING_PATIENCE, () -> false,
                        () -> threads.kit().isSpawnedThread(Thread.currentThread()));
                AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(CALLERS);
                CountDownLatch start = new CountDownLatch(1);
                List<Thread> callers = new ArrayList<>();
                for (int c = 0; c < CALLERS; c++) {
                    String tag = String.valueOf((char) ('A' + c));
                    int caller = c;
                    Thread t = new Thread(() -> {
                        try {
                            start.await();
                            results.set(caller, parallel.map(inputs(), THREADS_PER_CALL, x -> {
                                meeting.arrive();
                                return tag + x;
                            }));
                        } catch (Throwable e) {
                            results.set(caller, e);
                        }
                    }, "caller-" + tag);
                    t.setDaemon(true);
                    callers.add(t);
                    t.start();
                }
                start.countDown();
                for (Thread t : callers) {
                    t.join();
                }
                for (int c = 0; c < CALLERS; c++) {
                    verify(results.get(c), String.valueOf((char) ('A' + c)));
                }
            }
        });
    }

    private static void verify(Object got, String tag) {
        if (got instanceof Throwable e) {
            Parallels.rethrowStub(e);
            throw Expect.unexpected("map(" + Parallels.inputs(inputs()) + ", threads = " + THREADS_PER_CALL
                    + ", x -> \"" + tag + "\" + x), called at the same time as another map on the same computation",
                    "return its own results", e);
        }
        List<String> expected = new ArrayList<>();
        for (Integer x : inputs()) {
            expected.add(tag + x);
        }
        check(expected.equals(got), () -> "two calls at once on one computation mixed their results (T2): map("
                + Parallels.inputs(inputs()) + ", threads = " + THREADS_PER_CALL + ", x -> \"" + tag + "\" + x), "
                + "running beside the same map with another f on the same computation, returned " + Safely.show(got)
                + ", expected " + expected + ". Keep each call's parts in that call's own locals, not in a field.");
    }

    private static List<Integer> inputs() {
        return new Cases(INPUTS_PER_CALL, 1).indices();
    }
}
