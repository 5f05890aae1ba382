package fearless.grader.checks.boundedbuffer;

import static fearless.grader.checks.boundedbuffer.Buffers.check;

import fearless.api.sync.BoundedBuffer;
import fearless.grader.check.Category;
import fearless.grader.check.Exercise;
import fearless.grader.check.Graded;
import fearless.grader.check.Safely;
import fearless.grader.check.Seeds;
import fearless.grader.check.race.Patience;
import fearless.grader.check.race.WatchedCall;
import fearless.grader.checks.kit.KitCondvars;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Generated cases, from the check's seed. One thread's sequences of puts (only when there is room)
 * and takes (only when there is an item), with {@code size()} and {@code capacity()}, against a
 * plain {@code ArrayDeque}; and whole workloads, with from one to three producers and consumers,
 * up to 24 items per producer and a capacity from 1 to 4, on the kit's condvar with spurious
 * wake-ups, which must conserve every item and keep each producer's order.
 */
@Exercise("bounded-buffer")
class BoundedBufferPropertyChecks {

    private static final String MODEL = "bounded-buffer/sequential_model";
    private static final String WORKLOADS = "bounded-buffer/workloads_conserve_items";
    private static final int SEQUENCES = 40;
    private static final int STEPS = 30;
    private static final int CASES = 25;

    @Graded(points = 2, category = Category.PROPERTY, rules = {"X2"})
    void sequential_model() throws InterruptedException {
        Buffers.requireImplemented();
        Random random = new Random(Seeds.forCheck(MODEL));
        for (int n = 0; n < SEQUENCES; n++) {
            int capacity = 1 + random.nextInt(4);
            long seed = random.nextLong();
            BoundedBuffer<String> b = Buffers.<String>fresh(capacity).buffer();
            List<String> steps = new CopyOnWriteArrayList<>();
            steps.add("BoundedBuffer<String> b = buffers.create(" + capacity + ", mutexes, condvars);");
            WatchedCall<String> run = WatchedCall.start("producer-0", () -> play(b, capacity, new Random(seed), steps));
            Duration bound = Patience.prompt();
            boolean done = run.awaitDone(bound);
            run.abandon();
            run.requireNoFailure("the sequence\n" + String.join("\n", steps) + "\n", "X2");
            check(done, () -> "a call that had no reason to wait (a put with room, a take with an item) did not return "
                    + "within " + bound.toMillis() + " ms (X2):\n" + numbered(steps) + "\n" + rerun());
            String mismatch = run.result();
            check(mismatch == null, () -> mismatch + " (X2):\n" + numbered(steps) + "\n" + rerun());
        }
    }

    /** Plays one sequence; returns what went wrong, or null. */
    private static String play(BoundedBuffer<String> b, int capacity, Random random, List<String> steps) {
        Deque<String> model = new ArrayDeque<>();
        int next = 0;
        for (int i = 0; i < STEPS; i++) {
            int kind = random.nextInt(10);
            if (kind < 5 && model.size() < capacity || kind < 8 && model.isEmpty()) {
                String item = "v" + next++;
                steps.add("b.put(\"" + item + "\");");
                b.put(item);
                model.addLast(item);
            } else if (kind < 8) {
                steps.add("b.take();");
                String got = b.take();
                String expected = model.pollFirst();
                if (!expected.equals(got)) {
                    return "take() returned " + Safely.show(got) + ", expected \"" + expected + "\": items leave in "
                            + "the order they came";
                }
            } else if (kind < 9) {
                steps.add("b.size();");
                int got = b.size();
                if (got != model.size()) {
                    return "size() returned " + got + ", expected " + model.size();
                }
            } else {
                steps.add("b.capacity();");
                int got = b.capacity();
                if (got != capacity) {
                    return "capacity() returned " + got + ", expected " + capacity;
                }
            }
        }
        return null;
    }

    @Graded(points = 2, category = Category.PROPERTY, rules = {"X2", "C2"})
    void workloads_conserve_items() throws InterruptedException {
        Buffers.requireImplemented();
        Random random = new Random(Seeds.forCheck(WORKLOADS));
        for (int n = 0; n < CASES; n++) {
            int producers = 1 + random.nextInt(3);
            int consumers = 1 + random.nextInt(3);
            int per = random.nextInt(25);
            int capacity = 1 + random.nextInt(4);
            int[] takes = split(producers * per, consumers, random);
            KitCondvars condvars = new KitCondvars().spuriousWakeups(random.nextLong());
            BoundedBuffer<Integer> b = Buffers.<Integer>fresh(capacity, condvars).buffer();
            String workload = producers + " producer(s) putting " + per + " items each (producer p puts p*1000, "
                    + "p*1000+1, ...), " + consumers + " consumer(s) taking " + java.util.Arrays.toString(takes)
                    + " items, through a buffer of capacity " + capacity + ", on the kit's condvar with spurious "
                    + "wake-ups";
            List<WatchedCall<List<Integer>>> calls = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                calls.add(WatchedCall.start("producer-" + p, () -> {
                    for (int i = 0; i < per; i++) {
                        b.put(producer * 1000 + i);
                    }
                    return List.of();
                }));
            }
            List<WatchedCall<List<Integer>>> takers = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                int count = takes[c];
                takers.add(WatchedCall.start("consumer-" + c, () -> {
                    List<Integer> mine = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        mine.add(b.take());
                    }
                    return mine;
                }));
            }
            calls.addAll(takers);
            Duration bound = Patience.prompt();
            boolean done = true;
            for (WatchedCall<List<Integer>> call : calls) {
                done &= call.awaitDone(bound);
            }
            String waiting = BoundedBufferRaceChecks.waiters(condvars);
            calls.forEach(WatchedCall::abandon);
            for (WatchedCall<List<Integer>> call : calls) {
                call.requireNoFailure(call.thread().getName() + " in the workload: " + workload, "X2");
            }
            boolean finished = done;
            check(finished, () -> "threads were left waiting with work to do (C1, C2, X2): " + workload
                    + ".\nWaiting on the kit's condvars: " + waiting + "\n" + rerun());
            List<Integer> all = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                List<Integer> mine = takers.get(c).result();
                int consumer = c;
                for (int i = 1; i < mine.size(); i++) {
                    Integer before = mine.get(i - 1);
                    Integer now = mine.get(i);
                    if (before != null && now != null && before / 1000 == now / 1000 && now < before) {
                        check(false, () -> "consumer " + consumer + " took " + now + " after " + before + ", a later "
                                + "item of the same producer: items leave in the order they came (X2). " + workload
                                + ".\n" + rerun());
                    }
                }
                all.addAll(mine);
            }
            List<Integer> expected = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                for (int i = 0; i < per; i++) {
                    expected.add(p * 1000 + i);
                }
            }
            List<Integer> sorted = new ArrayList<>(all);
            if (sorted.stream().anyMatch(Objects::isNull)) {
                check(false, () -> "a consumer took null, an item nobody put: a take went on without an item, after a "
                        + "wake-up that was spurious or meant for another thread (X2, C2). " + workload + ".\n" + rerun());
            }
            Collections.sort(sorted);
            check(sorted.equals(expected), () -> "the items taken are not the items put, each exactly once (X2): "
                    + workload + ".\nTaken, sorted: " + Safely.show(sorted) + "\n" + rerun());
            Integer left = Buffers.prompt("checker", "size()", "X2", b::size);
            check(left != null && left == 0, () -> "every item put was taken, but size() returned " + left
                    + ", expected 0 (X2): " + workload + ".\n" + rerun());
        }
    }

    /** {@code total} split among {@code parts} counts, at random. */
    private static int[] split(int total, int parts, Random random) {
        int[] counts = new int[parts];
        for (int i = 0; i < total; i++) {
            counts[random.nextInt(parts)]++;
        }
        return counts;
    }

    private static String numbered(List<String> steps) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            out.append(String.format("  %2d. %s%n", i + 1, steps.get(i)));
        }
        return out.toString().stripTrailing();
    }

    private static String rerun() {
        return "The case comes from the seed: rerun with --seed " + Seeds.seed() + " to see it again.";
    }
}
