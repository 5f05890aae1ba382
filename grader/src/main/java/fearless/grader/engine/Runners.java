package fearless.grader.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The check runners of one grading call, one per seed, and the order their children start in:
 * each child JVM starts while the one before it works (the first while the submission compiles),
 * so that an exercise's checks do not wait for a JVM to start.
 */
final class Runners implements AutoCloseable {

    private final List<Long> seeds;
    private final LongFunction<ChildSpec> specs;
    private final Sandbox sandbox;
    private final Path work;
    private final List<CheckRunner> runners = new ArrayList<>();

    /** @param specs how to start a child under a seed */
    Runners(List<Long> seeds, LongFunction<ChildSpec> specs, Sandbox sandbox, Path work) {
        this.seeds = List.copyOf(seeds);
        this.specs = specs;
        this.sandbox = sandbox;
        this.work = work;
    }

    /** Starts the first seed's first child now. */
    void prestart() {
        runner(0).prestart();
    }

    /**
     * Runs {@code checks} under seed number {@code k}. The next child starts meanwhile: the same
     * seed's, or if this is its {@code last} exercise, the next seed's.
     */
    Map<String, Outcome> run(int k, ClassImage image, List<String> checks, boolean last) throws InterruptedException {
        CheckRunner following = !last ? runner(k) : k + 1 < seeds.size() ? runner(k + 1) : null;
        return runner(k).run(image, checks, following == null ? () -> { } : following::prestart);
    }

    /** The JVM that ran seed {@code k}'s checks, as its children reported it. */
    String java(int k) {
        return runner(k).java();
    }

    /** Seed {@code k} is graded: its runner and its children's folders go. */
    void done(int k) {
        runner(k).close();
        try {
            FileTrees.delete(folder(k));
        } catch (java.io.UncheckedIOException leftBehind) {
            // The grading call's own folder goes at the end anyway.
        }
    }

    @Override
    public void close() {
        runners.forEach(CheckRunner::close);
    }

    private CheckRunner runner(int k) {
        while (runners.size() <= k) {
            int next = runners.size();
            runners.add(new CheckRunner(specs.apply(seeds.get(next)), sandbox, folder(next)));
        }
        return runners.get(k);
    }

    private Path folder(int k) {
        return work.resolve("run-" + k);
    }
}
