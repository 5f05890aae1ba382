package fearless.grader.checks.parallel;

import fearless.api.Panic;
import fearless.api.Unimplemented;
import fearless.api.thread.Parallel;
import fearless.api.thread.ParallelProvider;
import fearless.api.thread.Threads;
import fearless.grader.check.Safely;
import fearless.grader.check.Submission;
import fearless.grader.check.race.Bounded;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/** What the parallel checks share: the submission's computation on the kit's threads, and plain feedback. */
final class Parallels {

    /** The lesson every parallel check points to. */
    static final String LESSON = "course-notes/07-threads.md";

    /**
     * How long a whole scenario may take. The solution needs a few hundred milliseconds at most;
     * a computation whose threads never meet gives up on each meeting after
     * {@link Rendezvous#PATIENCE}, and the first such failure ends the check.
     */
    static final Duration SCENARIO = Duration.ofSeconds(8);

    private Parallels() {
    }

    /** The submission's computation, spawning through {@code threads}. */
    static Parallel fresh(Threads threads) {
        return Submission.provider(ParallelProvider.class).parallel(threads);
    }

    /** Runs a scenario on a checking thread, bounded; a hang fails with {@code onHang} and a thread dump. */
    static void scenario(String onHang, Bounded.Body body) {
        Bounded.run(onHang, SCENARIO, body);
    }

    /** {@code map(inputs ..., threads = n, f)}, the call as the feedback names it. */
    static String call(String method, List<?> inputs, int threads) {
        return method + "(" + inputs(inputs) + ", threads = " + threads + ", ...)";
    }

    /** A short account of the inputs: all of a few, the first and last of many. */
    static String inputs(List<?> inputs) {
        if (inputs.isEmpty()) {
            return "no inputs";
        }
        if (inputs.size() <= 8) {
            return "inputs " + inputs;
        }
        return inputs.size() + " inputs " + inputs.subList(0, 3).toString().replace("]", ", ..., ")
                + inputs.get(inputs.size() - 1) + "]";
    }

    /** Where a property's inputs came from, to reproduce a failure. */
    static String seedNote() {
        return "(inputs drawn from seed " + fearless.grader.check.Seeds.seed() + ": rerun with --seed "
                + fearless.grader.check.Seeds.seed() + ")";
    }

    static void check(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new AssertionFailedError(message.get());
        }
    }


    /** Rethrows a stub's panic as it is, so that every check of a stub fails with "not yet implemented". */
    static void rethrowStub(Throwable e) {
        if (e instanceof Unimplemented stub) {
            throw stub;
        }
    }

    /** Whether {@code e} is a {@link Panic} that a stub did not throw. */
    static boolean isPanic(Throwable e) {
        return e instanceof Panic && !(e instanceof Unimplemented);
    }

    /**
     * Fails fast, with the stub's "not yet implemented", unless {@code map} and {@code reduce} run
     * at all: structure earns points only for code that works.
     */
    static void requireImplemented() {
        scenario("map() of three inputs on two threads did not return (T2)", () -> {
            Parallel parallel = fresh(new WatchedThreads());
            for (Runnable use : List.<Runnable>of(() -> parallel.map(List.of(1, 2, 3), 2, x -> x),
                    () -> parallel.reduce(List.of(1, 2, 3), 2, 0, Integer::sum))) {
                try {
                    use.run();
                } catch (Unimplemented stub) {
                    throw new AssertionFailedError(Safely.message(stub), stub);
                } catch (RuntimeException ignored) {
                    // a bug, not a stub: the behaviour checks say which
                }
            }
        });
    }
}
