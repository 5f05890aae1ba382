package fearless.grader.engine;

import fearless.child.ChildMain;
import fearless.child.wire.Event;
import fearless.grader.report.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs checks in child JVMs and establishes each one's outcome from the child's events alone.
 * A check that times out, or hangs past its limit, or during which the child dies, is charged with
 * it; the child is discarded and a fresh one runs the checks that are left. Every round
 * settles at least one check, so grading always ends. A child may be {@linkplain #prestart started
 * early}, so that its JVM is warm when the next exercise's checks are known.
 */
final class CheckRunner implements AutoCloseable {

    private static final Duration CHECK_DEADLINE =
            Duration.ofSeconds(Limits.CHECK_TIMEOUT_SECONDS).plus(Limits.KILL_GRACE);

    /** What a check ended by a thread bomb is told, whoever noticed it. */
    private static final String THREAD_BOMB = "the submission started more than " + Limits.MAX_THREADS
            + " threads (a thread bomb?), so its JVM was stopped";

    /** How often the parent counts the child's threads. */
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(100);

    private final ChildSpec spec;
    private final Sandbox sandbox;
    private final Path work;
    private ChildProcess spare;
    private int children;
    private String java = "unknown";

    /** @param work a private folder; each child gets a fresh folder below it */
    CheckRunner(ChildSpec spec, Sandbox sandbox, Path work) {
        this.spec = spec;
        this.sandbox = sandbox;
        this.work = work;
    }

    /** Starts the next child now, unless one is waiting already; {@link #run} takes it. */
    void prestart() {
        if (spare == null) {
            spare = ChildProcess.start(spec, sandbox, work.resolve("child-" + ++children));
        }
    }

    /** Ends a child started early and never used. */
    @Override
    public void close() {
        if (spare != null) {
            spare.close();
            spare = null;
        }
    }

    /** The JVM that ran the checks, as the child reported it. */
    String java() {
        return java;
    }

    /**
     * The outcome of every check, by JUnit unique id, run against {@code image}, the scanned
     * submission. {@code started} runs once the first child has its checks: the moment to start the next one.
     */
    Map<String, Outcome> run(ClassImage image, List<String> checks, Runnable started) throws InterruptedException {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        List<String> remaining = new ArrayList<>(checks);
        Runnable first = started;
        while (!remaining.isEmpty()) {
            runChild(image, remaining, outcomes, first);
            first = () -> { };
            remaining.removeIf(outcomes::containsKey);
        }
        return outcomes;
    }

    /** One child's round: settles at least one of {@code remaining}. */
    private void runChild(ClassImage image, List<String> remaining, Map<String, Outcome> outcomes, Runnable started)
            throws InterruptedException {
        int settledBefore = outcomes.size();
        if (spare != null && !spare.isAlive()) {
            close(); // died while it waited: nothing of the submission's ran in it yet, so start another
        }
        prestart();
        ChildProcess child = spare;
        spare = null;
        try {
            child.assign(image, remaining);
            started.run();
            String inFlight = null;
            long startedAt = 0;
            Duration wait = Limits.CONNECT_TIMEOUT;
            long waitingSince = System.nanoTime();
            while (true) {
                Optional<Event> next = child.next(WATCH_INTERVAL);
                if (next.isEmpty() && child.threads() > Limits.MAX_THREADS + Limits.THREAD_SLACK) {
                    child.kill();
                    Outcome bomb = new Outcome(Status.CRASHED, THREAD_BOMB, inFlight == null ? 0 : elapsed(startedAt));
                    if (inFlight != null) {
                        outcomes.put(inFlight, bomb);
                    } else {
                        chargeAll(remaining, outcomes, bomb); // between checks: only the submission runs then
                    }
                    break;
                }
                if (next.isEmpty() && System.nanoTime() - waitingSince < wait.toNanos()) {
                    continue;
                }
                waitingSince = System.nanoTime();
                if (next.isEmpty()) {
                    child.kill();
                    if (inFlight != null) {
                        outcomes.put(inFlight, new Outcome(Status.TIMEOUT, "did not finish within "
                                + Limits.CHECK_TIMEOUT_SECONDS + " s and ignored the timeout, so its JVM was stopped"
                                + " (an endless loop that ignores interruption?)", elapsed(startedAt)));
                    }
                    break;
                }
                Event event = next.get();
                switch (event.type()) {
                    case "runtime" -> java = event.detail();
                    case "started" -> {
                        inFlight = event.check();
                        startedAt = System.nanoTime();
                        wait = CHECK_DEADLINE;
                    }
                    case "finished" -> {
                        settle(event, remaining, outcomes);
                        inFlight = null;
                        wait = CHECK_DEADLINE;
                        if (Status.TIMEOUT.id().equals(event.status())) {
                            // The timed-out code may still be spinning or holding locks: the
                            // checks left deserve a clean JVM.
                            return;
                        }
                    }
                    case "done" -> {
                        return;
                    }
                    case ChildProcess.TAMPERED -> {
                        // Only code in the child other than the grader's writes lines it cannot sign.
                        child.kill();
                        chargeAll(remaining, outcomes, new Outcome(Status.FAILED, "the submission wrote on the"
                                + " grader's result channel, so none of its results are believed", 0));
                        return;
                    }
                    case ChildProcess.CLOSED -> {
                        if (inFlight != null) {
                            outcomes.put(inFlight, crash(child, elapsed(startedAt)));
                        }
                        return;
                    }
                    default -> { }
                }
            }
        } finally {
            child.close();
            if (outcomes.size() == settledBefore) {
                chargeAll(remaining, outcomes, new Outcome(Status.ERROR,
                        "the JVM running the checks ended or stalled before settling any check" + tail(child), 0));
            }
        }
    }

    private static void settle(Event event, List<String> remaining, Map<String, Outcome> outcomes) {
        if (event.status().equals("container-failed")) {
            for (String id : remaining) {
                if (id.startsWith(event.check()) && !outcomes.containsKey(id)) {
                    outcomes.put(id, new Outcome(Status.ERROR, "could not be set up: " + event.detail(), 0));
                }
            }
            return;
        }
        if (remaining.contains(event.check())) {
            outcomes.put(event.check(), new Outcome(Status.fromId(event.status()), event.detail(), event.durationMs()));
        }
    }

    private static Outcome crash(ChildProcess child, long ms) throws InterruptedException {
        int code = child.exitCode();
        String tail = tail(child);
        String how;
        if (code == ChildMain.WATCHDOG_EXIT) {
            return new Outcome(Status.CRASHED, THREAD_BOMB + "; the other checks ran in a fresh JVM" + tail, ms);
        }
        if (tail.contains("OutOfMemoryError")) {
            how = "ran out of memory (the heap is limited to " + Limits.CHILD_HEAP.substring(4) + ")";
        } else if (code == -1) {
            how = "closed its channel";
        } else {
            how = "exited with code " + code + " (System.exit, Runtime.halt or a crash?)";
        }
        return new Outcome(Status.CRASHED, "the JVM running this check " + how
                + "; the other checks ran in a fresh JVM" + tail, ms);
    }

    private static String tail(ChildProcess child) {
        String tail = child.outputTail();
        return tail.isEmpty() ? "" : "\n" + tail;
    }

    private static void chargeAll(List<String> remaining, Map<String, Outcome> outcomes, Outcome outcome) {
        remaining.forEach(id -> outcomes.putIfAbsent(id, outcome));
    }

    private static long elapsed(long startedAt) {
        return (System.nanoTime() - startedAt) / 1_000_000;
    }
}
