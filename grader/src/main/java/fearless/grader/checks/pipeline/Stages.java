package fearless.grader.checks.pipeline;

import fearless.api.Panic;
import fearless.api.Unimplemented;
import fearless.api.channel.PipelineProvider;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.ThreadDump;
import fearless.grader.checks.kit.KitChannels;
import fearless.grader.checks.kit.KitThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * One run of a submission's pipeline on the kit's threads and channels, and what the kit saw of
 * it: which thread ran {@code first} (the source), which ran {@code second} (the middle stage),
 * which threads were joined, which channel ends were left open. The pipeline runs on a caller
 * thread of the check's own, bounded: a pipeline that never returns (a stage waiting forever for
 * a sender nobody closes) fails with the stage to blame, not a bare timeout.
 */
final class Stages {

    /** The lesson every pipeline check points to. */
    static final String LESSON = "course-notes/08-message-passing.md";

    /** How long a run may take before the check looks for what holds it up; the solution needs milliseconds. */
    private static final Duration PLAIN_WAIT = Duration.ofSeconds(1);

    final KitThreads threads = new KitThreads();
    final KitChannels channels = new KitChannels();
    private final Set<Thread> firstThreads = ConcurrentHashMap.newKeySet();
    private final Set<Thread> secondThreads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger firstCalls = new AtomicInteger();
    private final AtomicInteger lateFirstCalls = new AtomicInteger();
    private volatile Thread caller;
    private volatile boolean over;
    private volatile int notJoinedAtEnd = -1;
    private volatile int runningAtEnd = -1;
    private volatile List<KitChannels.End> openAtEnd = List.of();

    /** What {@code run} did: returned a list, or threw. */
    record Outcome(List<?> returned, Throwable thrown) {

        /** Whether run threw a Panic (a stub's "not yet implemented" is not one). */
        boolean panicked() {
            return thrown instanceof Panic && !(thrown instanceof Unimplemented);
        }

        /** The feedback's account: "returned [...]" or "threw ...". */
        String shown() {
            if (thrown == null) {
                return "returned " + Safely.show(returned);
            }
            if (thrown instanceof Panic panic) {
                return "threw a Panic whose payload is " + Safely.show(panic.payload());
            }
            return "threw " + Safely.describe(thrown);
        }
    }

    /** {@code first}, as the source must run it: the check records the thread and counts the calls. */
    <A, B> Function<A, B> first(Function<A, B> f) {
        return a -> {
            firstThreads.add(Thread.currentThread());
            firstCalls.incrementAndGet();
            if (channels.sendRefusedOn(Thread.currentThread())) {
                lateFirstCalls.incrementAndGet();
            }
            return f.apply(a);
        };
    }

    /** {@code second}, recording the thread that runs it. */
    <B, C> Function<B, C> second(Function<B, C> f) {
        return b -> {
            secondThreads.add(Thread.currentThread());
            return f.apply(b);
        };
    }

    /**
     * Runs the submission's pipeline with functions already wrapped by {@link #first} and
     * {@link #second}; {@code call} names the run in feedback. A stub's "not yet implemented"
     * goes on as it is.
     */
    <A, B, C> Outcome run(String call, List<A> input, Function<A, B> first, Function<B, C> second) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread runner = new Thread(() -> {
            try {
                result[0] = Submission.provider(PipelineProvider.class).pipeline(threads, channels)
                        .run(input, first, second);
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                notJoinedAtEnd = threads.notJoined();
                runningAtEnd = threads.stillRunning();
                openAtEnd = channels.openEnds();
                over = true;
            }
        }, "pipeline-caller");
        runner.setDaemon(true);
        caller = runner;
        runner.start();
        if (!finished(runner, PLAIN_WAIT) && !finished(runner, Patience.stretched(PLAIN_WAIT, 2, Duration.ofSeconds(4)))) {
            String diagnosis = diagnoseHang();
            List<Thread> stuck = new ArrayList<>(threads.threads());
            stuck.add(runner);
            String dump = ThreadDump.of(stuck);
            channels.severAll();
            throw new AssertionFailedError(call + " did not return: " + diagnosis + "\n" + dump);
        }
        if (failure[0] instanceof Unimplemented stub) {
            throw stub;
        }
        if (failure[0] instanceof AssertionError assertion) {
            throw assertion;
        }
        return new Outcome((List<?>) result[0], failure[0]);
    }

    private static boolean finished(Thread runner, Duration wait) {
        try {
            runner.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !runner.isAlive();
    }

    /**
     * Why a run did not return, as far as the kit can tell: the first stage, in pipeline order,
     * that left its sender open (the stages after it wait because of it), or a thread still working.
     */
    private String diagnoseHang() {
        KitChannels.End blamed = null;
        String blamedStage = null;
        for (KitChannels.End end : channels.openEnds()) {
            if (end.kind() != KitChannels.Kind.SENDER) {
                continue;
            }
            String stage = stageOf(end);
            if (blamed == null || stage.equals("the source") && !blamedStage.equals("the source")) {
                blamed = end;
                blamedStage = stage;
            }
        }
        if (blamed != null) {
            String next = blamedStage.equals("the source") ? "the middle stage" : "the sink";
            boolean ended = blamed.usedBy().stream().anyMatch(t -> t.getState() == Thread.State.TERMINATED);
            return blamedStage + (ended ? " ended without closing its sender (" : " never closed its sender (")
                    + blamed.describe() + "), so " + next + " waits for more messages forever: shutdown is by "
                    + "disconnection, and a stage that is done must close its sender, however it ends (M3). Give "
                    + "each stage its ends in try-with-resources. Where each thread waits:";
        }
        long alive = threads.threads().stream().filter(Thread::isAlive).count();
        return "every sender was closed, yet " + alive + " of the " + threads.spawnCount()
                + " spawned threads still run, and the caller still waits (T2). Where each thread is stuck:";
    }

    /** "the source" or "the middle stage", for a sender the kit saw used by that stage's thread or read by the next. */
    private String stageOf(KitChannels.End sender) {
        for (Thread t : sender.usedBy()) {
            if (firstThreads.contains(t)) {
                return "the source";
            }
            if (secondThreads.contains(t)) {
                return "the middle stage";
            }
        }
        for (KitChannels.End end : channels.ends()) {
            if (end.channel() == sender.channel() && end.kind() == KitChannels.Kind.RECEIVER) {
                for (Thread t : end.usedBy()) {
                    if (secondThreads.contains(t)) {
                        return "the source";
                    }
                }
            }
        }
        return sender.channel() == 0 ? "the source" : sender.channel() == 1 ? "the middle stage" : "a stage";
    }

    /** The thread that ran {@code first}, if exactly one did. */
    Thread source() {
        return firstThreads.size() == 1 ? firstThreads.iterator().next() : null;
    }

    /** The thread that ran {@code second}, if exactly one did. */
    Thread middle() {
        return secondThreads.size() == 1 ? secondThreads.iterator().next() : null;
    }

    Set<Thread> firstThreads() {
        return Set.copyOf(firstThreads);
    }

    Set<Thread> secondThreads() {
        return Set.copyOf(secondThreads);
    }

    Thread caller() {
        return caller;
    }

    /** Whether {@code run} has returned or thrown. */
    boolean over() {
        return over;
    }

    int firstCalls() {
        return firstCalls.get();
    }

    /** Calls of {@code first} made on a thread after one of its sends had been handed back (M2). */
    int lateFirstCalls() {
        return lateFirstCalls.get();
    }

    /**
     * Fails unless, when run returned or threw, every spawned thread had been joined and had
     * ended (T2) and every channel end made through the kit was closed (M3). {@code when} says
     * which run: "when run(...) returned".
     */
    void verifyCleanEnd(String when) {
        int notJoined = notJoinedAtEnd;
        int running = runningAtEnd;
        check(notJoined == 0 && running == 0, () -> "run must join all three threads before it returns or throws "
                + "(T2), but " + when + ", " + notJoined + " of the " + threads.spawnCount() + " threads it spawned had "
                + "not been joined" + (running > 0 ? ", and " + running + " were still running" : "")
                + ". Join every handle, then look at the outcomes.");
        List<KitChannels.End> open = openAtEnd;
        check(open.isEmpty(), () -> "every channel end must be closed by the time run returns or throws (M3), but "
                + when + ", " + describe(open) + " " + (open.size() == 1 ? "was" : "were") + " still open. "
                + "Give each stage its ends in try-with-resources, so that they close however the stage ends.");
    }

    private String describe(List<KitChannels.End> open) {
        List<String> names = new ArrayList<>();
        for (KitChannels.End end : open) {
            String who = end.usedBy().stream().anyMatch(firstThreads::contains) ? " (used by the source)"
                    : end.usedBy().stream().anyMatch(secondThreads::contains) ? " (used by the middle stage)" : "";
            names.add(end.describe() + who);
        }
        return String.join(", ", names);
    }

    static void check(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new AssertionFailedError(message.get());
        }
    }

    /** {@code run([1, 2, 3], first, second)}, the call as the feedback names it. */
    static String call(List<?> input, String functions) {
        return "run(" + input(input) + ", " + functions + ")";
    }

    /** A short account of the input: all of a few, the first and last of many. */
    static String input(List<?> input) {
        if (input.isEmpty()) {
            return "[]";
        }
        if (input.size() <= 10) {
            return input.toString();
        }
        return input.subList(0, 3).toString().replace("]", ", ..., ") + input.get(input.size() - 1)
                + "] (" + input.size() + " elements)";
    }
}
