package fearless.grader.checks.parallel;

import static fearless.grader.checks.parallel.Parallels.call;
import static fearless.grader.checks.parallel.Parallels.check;
import static fearless.grader.checks.parallel.Parallels.fresh;
import static fearless.grader.checks.parallel.Parallels.scenario;
import static fearless.grader.checks.parallel.Parallels.seedNote;

import fearless.grader.check.Expect;
import fearless.api.thread.Parallel;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.Seeds;
import fearless.grader.checks.kit.KitThreads;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Generated inputs, from none to {@value Cases#MAX_SIZE}, on one to {@value Cases#MAX_THREADS}
 * threads: the parallel answer is the sequential one, the work is split evenly, it runs on the
 * spawned threads only, and every thread is joined by the time the call returns.
 */
@Exercise("parallel")
class ParallelPropertyChecks {

    /** Drawn cases per property, beside the edges: each spawns up to eight threads, so a few dozen are quick. */
    private static final int DRAWN = 30;

    /** {@code map} equals the sequential map, in input order, with {@code f} called once per input (T2). */
    @Graded(points = 3, category = Category.PROPERTY, rules = {"T1", "T2"})
    void map_matches_sequential() {
        scenario("map(...) did not return (T2)", () -> {
            for (Cases c : Cases.of("parallel/map_matches_sequential", DRAWN)) {
                WatchedThreads threads = new WatchedThreads();
                Sightings seen = new Sightings(threads.kit(), Thread.currentThread(), c.size());
                List<Integer> inputs = c.indices();
                String call = call("map", inputs, c.threads()) + " with f = x -> \"#\" + x";
                List<String> got = map(fresh(threads), inputs, c.threads(), x -> {
                    seen.saw(x);
                    return "#" + x;
                }, call);
                List<String> expected = new ArrayList<>();
                for (Integer x : inputs) {
                    expected.add("#" + x);
                }
                String difference = difference(expected, got);
                check(difference == null, () -> "map's results are not f's results in the order of the inputs (T2): "
                        + call + " " + difference + " " + seedNote());
                String once = seen.notExactlyOnce();
                check(once == null, () -> "map must call f exactly once per input (T2), but in " + call + " " + once
                        + " " + seedNote());
            }
        });
    }

    /**
     * {@code reduce} equals the sequential fold for three associative operators: a sum of longs,
     * the maximum, and concatenation, which is not commutative, so parts combined out of order
     * show (T2).
     */
    @Graded(points = 3, category = Category.PROPERTY, rules = {"T2"})
    void reduce_matches_sequential_fold() {
        scenario("reduce(...) did not return (T2)", () -> {
            SplittableRandom random = new SplittableRandom(Seeds.forCheck("parallel/reduce_matches_sequential_fold"));
            for (Cases c : Cases.of("parallel/reduce_matches_sequential_fold", DRAWN)) {
                List<Long> numbers = new ArrayList<>();
                List<Piece> pieces = new ArrayList<>();
                for (int i = 0; i < c.size(); i++) {
                    numbers.add(random.nextLong(-1_000_000, 1_000_000));
                    pieces.add(new Piece(String.valueOf((char) ('a' + i % 26))));
                }
                sameFold(numbers, c.threads(), 0L, Long::sum, "sum of longs, identity 0");
                sameFold(numbers, c.threads(), Long.MIN_VALUE, Math::max, "max, identity Long.MIN_VALUE");
                sameFold(pieces, c.threads(), new Piece(""), Piece::concat, "string concatenation, identity \"\"");
            }
        });
    }

    /**
     * The inputs are cut into {@code min(threads, size)} contiguous chunks whose sizes differ by
     * at most one, each worked on by its own spawned thread (T1): seen from the threads on which
     * {@code f} ran.
     */
    @Graded(points = 2, category = Category.PROPERTY, rules = {"T1"})
    void chunks_split_evenly() {
        scenario("map(...) did not return (T1)", () -> {
            for (Cases c : Cases.of("parallel/chunks_split_evenly", DRAWN)) {
                WatchedThreads threads = new WatchedThreads();
                KitThreads kit = threads.kit();
                Sightings seen = new Sightings(kit, Thread.currentThread(), c.size());
                List<Integer> inputs = c.indices();
                String call = call("map", inputs, c.threads());
                map(fresh(threads), inputs, c.threads(), x -> {
                    seen.saw(x);
                    return x;
                }, call);
                int spawned = kit.spawnCount();
                check(spawned == c.chunks(), () -> call + " spawned " + spawned + " thread(s), but it should spawn one "
                        + "per chunk: as many as threads, never more than inputs, so " + c.chunks() + " (T1) "
                        + seedNote());
                String uneven = uneven(seen, c.chunks());
                check(uneven == null, () -> "the chunks are not contiguous runs of inputs whose sizes differ by at most "
                        + "one, one per thread (T1): in " + call + " " + uneven + " " + seedNote());
            }
        });
    }

    /**
     * {@code f} and each chunk's fold run on the spawned threads, never on the caller's own or on
     * a thread the computation started by itself, and {@code reduce} folds each input exactly once
     * (T1, T2). The caller only spawns, joins and combines.
     */
    @Graded(points = 2, category = Category.PROPERTY, rules = {"T1", "T2"})
    void work_runs_on_spawned_threads() {
        scenario("map(...) or reduce(...) did not return (T1)", () -> {
            for (Cases c : Cases.of("parallel/work_runs_on_spawned_threads", DRAWN)) {
                WatchedThreads threads = new WatchedThreads();
                Sightings seen = new Sightings(threads.kit(), Thread.currentThread(), c.size());
                List<Integer> inputs = c.indices();
                String mapCall = call("map", inputs, c.threads());
                map(fresh(threads), inputs, c.threads(), x -> {
                    seen.saw(x);
                    return x;
                }, mapCall);
                String where = seen.elsewhere();
                check(where == null, () -> "map's f must run on the threads spawned through the given Threads, one "
                        + "per chunk (T1): in " + mapCall + " f worked on " + where + " " + seedNote());
                foldsOnSpawnedThreads(c);
            }
        });
    }

    /**
     * When {@code map} or {@code reduce} returns, every thread it spawned has been joined and has
     * finished: none is left running or detached (T2).
     */
    @Graded(points = 2, category = Category.PROPERTY, rules = {"T2"})
    void every_thread_joined_on_return() {
        scenario("map(...) or reduce(...) did not return (T2)", () -> {
            for (Cases c : Cases.of("parallel/every_thread_joined_on_return", DRAWN)) {
                List<Integer> inputs = c.indices();
                WatchedThreads mapThreads = new WatchedThreads();
                String mapCall = call("map", inputs, c.threads());
                map(fresh(mapThreads), inputs, c.threads(), x -> x, mapCall);
                allJoined(mapThreads.kit(), mapCall);
                WatchedThreads reduceThreads = new WatchedThreads();
                String reduceCall = call("reduce", inputs, c.threads());
                reduce(fresh(reduceThreads), inputs, c.threads(), 0, Integer::sum, reduceCall);
                allJoined(reduceThreads.kit(), reduceCall);
            }
        });
    }

    private static void allJoined(KitThreads kit, String call) {
        int notJoined = kit.notJoined();
        int running = kit.stillRunning();
        check(notJoined == 0 && running == 0, () -> "every spawned thread must be joined before the call returns "
                + "(T2), but when " + call + " returned, " + notJoined + " of its " + kit.spawnCount()
                + " thread(s) had not been joined, and " + running + " of them had not finished " + seedNote());
    }

    /** reduce's chunk folds, seen through the inputs handed to the operator: on spawned threads, once each. */
    private static void foldsOnSpawnedThreads(Cases c) {
        WatchedThreads threads = new WatchedThreads();
        List<Piece> pieces = new ArrayList<>();
        Map<Piece, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < c.size(); i++) {
            Piece p = new Piece(String.valueOf(i % 10));
            pieces.add(p);
            index.put(p, i);
        }
        Sightings seen = new Sightings(threads.kit(), Thread.currentThread(), c.size());
        String call = call("reduce", pieces, c.threads()) + " with string concatenation";
        reduce(fresh(threads), pieces, c.threads(), new Piece(""), (a, b) -> {
            for (Piece operand : List.of(a, b)) {
                Integer i = index.get(operand);
                if (i != null) {
                    seen.saw(i);
                }
            }
            return Piece.concat(a, b);
        }, call);
        String where = seen.elsewhere();
        check(where == null, () -> "each chunk must be folded on its own spawned thread; the caller only combines "
                + "the chunks' results (T1, T2): in " + call + " the operator folded " + where + " " + seedNote());
        String once = seen.notExactlyOnce();
        check(once == null, () -> "reduce must fold each input exactly once, into its chunk's result (T2), but in "
                + call + " " + once + " " + seedNote());
    }

    private static <T> void sameFold(List<T> inputs, int threadCount, T identity, BinaryOperator<T> op, String what) {
        T expected = identity;
        for (T x : inputs) {
            expected = op.apply(expected, x);
        }
        String call = call("reduce", inputs, threadCount) + " with " + what;
        T got = reduce(fresh(new WatchedThreads()), inputs, threadCount, identity, op, call);
        T want = expected;
        check(want.equals(got), () -> "reduce must equal the sequential fold, the chunks' results combined in input "
                + "order (T2): " + call + " returned " + Safely.show(got) + ", expected " + want + " " + seedNote());
    }

    /** The first difference between the lists, described, or null if they are equal. */
    private static String difference(List<String> expected, List<String> got) {
        if (got == null) {
            return "returned null";
        }
        int n = Math.min(expected.size(), got.size());
        for (int i = 0; i < n; i++) {
            Object g = got.get(i);
            if (!expected.get(i).equals(g)) {
                return "returned " + Safely.show(g) + " at index " + i + ", expected " + expected.get(i) + " (a list of "
                        + got.size() + " results, expected " + expected.size() + ")";
            }
        }
        if (got.size() != expected.size()) {
            return "returned " + got.size() + " results, expected " + expected.size()
                    + (got.size() < expected.size() ? " (the first missing one is " + expected.get(n) + ")" : "");
        }
        return null;
    }

    /** Where the chunks break the contract, described, or null if they keep it. */
    private static String uneven(Sightings seen, int chunks) {
        Map<Thread, List<Integer>> groups = seen.byThread();
        if (groups.size() != chunks) {
            return "f ran on " + groups.size() + " thread(s), expected " + chunks + ", one per chunk";
        }
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        List<String> runs = new ArrayList<>();
        for (List<Integer> run : groups.values()) {
            int first = run.get(0);
            int last = run.get(run.size() - 1);
            runs.add(first == last ? "[" + first + "]" : "[" + first + ".." + last + "]");
            if (last - first + 1 != run.size()) {
                return "one thread worked on inputs " + run + ", which are not contiguous";
            }
            smallest = Math.min(smallest, run.size());
            largest = Math.max(largest, run.size());
        }
        if (largest - smallest > 1) {
            return "the threads worked on " + String.join(", ", runs) + ": chunks of " + smallest + " to " + largest
                    + " inputs";
        }
        return null;
    }

    private static <T, R> List<R> map(Parallel parallel, List<T> inputs, int threads, Function<T, R> f, String call) {
        try {
            return parallel.map(inputs, threads, f);
        } catch (RuntimeException | Error e) {
            throw Expect.unexpected(call, "return the mapped inputs", e);
        }
    }

    private static <T> T reduce(Parallel parallel, List<T> inputs, int threads, T identity, BinaryOperator<T> op,
            String call) {
        try {
            return parallel.reduce(inputs, threads, identity, op);
        } catch (RuntimeException | Error e) {
            throw Expect.unexpected(call, "return the fold", e);
        }
    }
}
