package fearless.grader.check.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Shrinks a failing operation sequence to a small one that still fails (delta debugging), so the
 * student reads six steps instead of thirty. QuickTheories' own list shrinking leaves far longer
 * sequences, so the checks minimize with this before they report.
 *
 * <p>Passes, repeated until none of them makes progress: drop chunks of halves, quarters, ... down
 * to single operations, then replace each operation by a simpler variant it offers (a smaller
 * value, a lower handle number). A change is kept only if the sequence still fails. Nothing is
 * random: the same input and predicate always give the same result.
 */
public final class Minimizer {

    /** Predicate evaluations allowed by {@link #minimize(List, Predicate)}: ample for a few dozen operations. */
    public static final int DEFAULT_BUDGET = 5_000;

    private Minimizer() {
    }

    /** {@link #minimize(List, Predicate, Function, int)} for operations without simpler variants. */
    public static <T> List<T> minimize(List<T> failing, Predicate<? super List<T>> stillFails) {
        return minimize(failing, stillFails, op -> List.of(), DEFAULT_BUDGET);
    }

    /**
     * A sub-sequence of {@code failing}, possibly with simplified operations, on which
     * {@code stillFails} holds, and from which no single chunk removal or simplification keeps it so
     * (unless the budget ran out first).
     *
     * @param failing a sequence on which {@code stillFails} holds
     * @param stillFails whether a candidate sequence still fails; must be deterministic
     * @param simpler the simpler variants of an operation, simplest first (may be empty)
     * @param budget the most calls of {@code stillFails}; the best sequence so far is returned after it
     */
    public static <T> List<T> minimize(List<T> failing, Predicate<? super List<T>> stillFails,
            Function<? super T, ? extends List<? extends T>> simpler, int budget) {
        Objects.requireNonNull(stillFails);
        Objects.requireNonNull(simpler);
        Search<T> search = new Search<>(stillFails, budget);
        List<T> current = List.copyOf(failing);
        boolean progress = true;
        while (progress && search.hasBudget()) {
            int before = current.size();
            List<T> shorter = removeChunks(current, search);
            List<T> simplified = simplify(shorter, simpler, search);
            progress = shorter.size() < before || !simplified.equals(shorter);
            current = simplified;
        }
        return current;
    }

    /** Removes chunks of size n/2, n/4, ..., 1, keeping each removal after which the sequence still fails. */
    private static <T> List<T> removeChunks(List<T> sequence, Search<T> search) {
        List<T> current = sequence;
        int chunk = Math.max(1, current.size() / 2);
        while (search.hasBudget()) {
            int start = 0;
            while (start < current.size() && search.hasBudget()) {
                List<T> candidate = new ArrayList<>(current.subList(0, start));
                candidate.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                if (search.fails(candidate)) {
                    current = List.copyOf(candidate);
                } else {
                    start += chunk;
                }
            }
            if (chunk == 1) {
                return current;
            }
            chunk = Math.max(1, chunk / 2);
        }
        return current;
    }

    /** Replaces operations by their simpler variants (the first that keeps the failure), again and again. */
    private static <T> List<T> simplify(List<T> sequence, Function<? super T, ? extends List<? extends T>> simpler,
            Search<T> search) {
        List<T> current = sequence;
        for (int i = 0; i < current.size() && search.hasBudget(); i++) {
            boolean replaced = true;
            while (replaced && search.hasBudget()) {
                replaced = false;
                for (T variant : simpler.apply(current.get(i))) {
                    if (!search.hasBudget()) {
                        break;
                    }
                    List<T> candidate = new ArrayList<>(current);
                    candidate.set(i, variant);
                    if (search.fails(candidate)) {
                        current = List.copyOf(candidate);
                        replaced = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    /** The predicate with its evaluation budget. */
    private static final class Search<T> {
        private final Predicate<? super List<T>> stillFails;
        private int remaining;

        Search(Predicate<? super List<T>> stillFails, int budget) {
            this.stillFails = stillFails;
            this.remaining = budget;
        }

        boolean hasBudget() {
            return remaining > 0;
        }

        boolean fails(List<T> candidate) {
            remaining--;
            return stillFails.test(candidate);
        }
    }
}
