package fearless.grader.checks.parallel;

import fearless.grader.check.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The inputs of the properties: how many inputs and how many threads. The edges come first (no
 * inputs, one input, more threads than inputs, sizes that do and do not divide evenly), then
 * sizes up to {@link #MAX_SIZE} and thread counts up to {@link #MAX_THREADS} drawn from the
 * check's seed, half of them small, where the edges are.
 */
record Cases(int size, int threads) {

    static final int MAX_SIZE = 200;
    static final int MAX_THREADS = 8;

    private static final List<Cases> EDGES = List.of(new Cases(0, 1), new Cases(0, 4), new Cases(1, 1),
            new Cases(1, 8), new Cases(3, 8), new Cases(5, 2), new Cases(7, 3), new Cases(8, 4), new Cases(13, 5),
            new Cases(MAX_SIZE, MAX_THREADS), new Cases(MAX_SIZE - 1, 7));

    /** The edges, then {@code drawn} more from the seed of check {@code checkId}. */
    static List<Cases> of(String checkId, int drawn) {
        SplittableRandom random = new SplittableRandom(Seeds.forCheck(checkId));
        List<Cases> cases = new ArrayList<>(EDGES);
        for (int i = 0; i < drawn; i++) {
            int size = random.nextBoolean() ? random.nextInt(0, 21) : random.nextInt(0, MAX_SIZE + 1);
            cases.add(new Cases(size, random.nextInt(1, MAX_THREADS + 1)));
        }
        return cases;
    }

    /** The chunks the contract asks for: as many as threads, never more than inputs. */
    int chunks() {
        return Math.min(size, threads);
    }

    /** The inputs {@code 0, 1, ..., size - 1}. */
    List<Integer> indices() {
        List<Integer> inputs = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            inputs.add(i);
        }
        return inputs;
    }
}
